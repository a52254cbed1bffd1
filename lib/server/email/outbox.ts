import { and, asc, eq, isNull, lt, lte, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import { db, type Executor } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { WAKE_CHANNEL } from "../jobs/wake-channel";

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
}

export const MAX_EMAIL_ATTEMPTS = 8;

/** 1, 2, 4 … minutes after the 1st, 2nd, 3rd … failure. */
export function retryDelayMs(attempts: number): number {
  return 60_000 * 2 ** (attempts - 1);
}

/**
 * Written in the caller's transaction: the email exists exactly when the change that caused it commits,
 * and the NOTIFY (delivered only on commit) wakes a worker to send it.
 */
export async function queueEmail(executor: Executor, email: OutgoingEmail): Promise<void> {
  await executor.insert(emailOutbox).values(email);
  await executor.execute(sql`select pg_notify(${WAKE_CHANNEL}, 'email.deliver')`);
}

export function smtpConfigured(): boolean {
  return Boolean(process.env.SMTP_URL);
}

/**
 * The dev mailbox shows every outgoing message with its links (password resets, invitations), so it exists only
 * where it was asked for: the embedded demo database sets DEV_MAILBOX=1, and never alongside real SMTP.
 */
export function devMailboxEnabled(): boolean {
  return !smtpConfigured() && process.env.DEV_MAILBOX === "1";
}

/** Sent mail keeps no live links (reset, invitation, verification), so a database copy holds no usable tokens. */
export function withoutLinks(text: string): string {
  return text.replace(/https?:\/\/\S+/g, "[link removed after delivery]");
}

/**
 * Sends what the outbox holds over SMTP. Each row is claimed with SKIP LOCKED, so several workers can run;
 * a failure is recorded and retried on the next run. Without SMTP_URL the dev mailbox shows the outbox instead.
 */
export async function deliverPendingEmails(limit = 50): Promise<number> {
  if (!smtpConfigured()) return 0;
  const transport = nodemailer.createTransport(process.env.SMTP_URL);
  const from = process.env.MAIL_FROM ?? "Quayside <no-reply@quayside.local>";
  let sent = 0;
  for (let i = 0; i < limit; i++) {
    const delivered = await db().transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(emailOutbox)
        .where(
          and(isNull(emailOutbox.sentAt), lt(emailOutbox.attempts, MAX_EMAIL_ATTEMPTS), lte(emailOutbox.nextAttemptAt, new Date())),
        )
        .orderBy(asc(emailOutbox.createdAt))
        .limit(1)
        .for("update", { skipLocked: true });
      if (!row) return null;
      try {
        await transport.sendMail({ from, to: row.to, subject: row.subject, text: row.text });
        await tx
          .update(emailOutbox)
          .set({ sentAt: new Date(), attempts: row.attempts + 1, text: withoutLinks(row.text) })
          .where(eq(emailOutbox.id, row.id));
        return true;
      } catch (error) {
        await tx
          .update(emailOutbox)
          .set({
            attempts: row.attempts + 1,
            lastError: String(error),
            nextAttemptAt: new Date(Date.now() + retryDelayMs(row.attempts + 1)),
          })
          .where(eq(emailOutbox.id, row.id));
        return false;
      }
    });
    if (delivered === null) break;
    if (delivered) sent++;
  }
  return sent;
}
