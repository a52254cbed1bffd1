import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { eq, inArray, isNull } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { deliverPendingEmails, MAX_EMAIL_ATTEMPTS, queueEmail, retryDelayMs } from "./outbox";

/** A real SMTP server on loopback that records what it receives, and can be told to refuse. */
const received: { to: string[]; body: string }[] = [];
let refuse = false;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onRcptTo(address, _session, callback) {
    callback(refuse ? new Error("mailbox unavailable") : undefined);
  },
  onData(stream, session, callback) {
    let body = "";
    stream.on("data", (chunk: Buffer) => (body += chunk.toString()));
    stream.on("end", () => {
      received.push({ to: session.envelope.rcptTo.map((r) => r.address), body });
      callback();
    });
  },
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  // Earlier test files leave their emails unsent in the shared database; delivery takes the oldest first, so
  // they would fill every batch. They are set aside as sent: this file only counts its own.
  await db().update(emailOutbox).set({ sentAt: new Date() }).where(isNull(emailOutbox.sentAt));
});
afterEach(async () => {
  // Other test files' emails stay unsent in the shared database; only this file's are delivered.
  await db().update(emailOutbox).set({ sentAt: new Date() }).where(eq(emailOutbox.subject, "outbox-test"));
  received.length = 0;
  refuse = false;
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function queue(to: string) {
  await queueEmail(db(), { to, subject: "outbox-test", text: `hello ${to}, open https://quayside.test/reset?token=secret` });
  const [row] = await db().select().from(emailOutbox).where(eq(emailOutbox.to, to));
  return row!;
}

describe("email outbox", () => {
  it("delivers each queued email over SMTP exactly once, even with two workers at the same time", async () => {
    const addresses = Array.from({ length: 6 }, () => `r-${randomUUID()}@example.test`);
    for (const address of addresses) await queue(address);
    await Promise.all([deliverPendingEmails(), deliverPendingEmails()]);
    const ours = () => received.flatMap((mail) => mail.to).filter((to) => addresses.includes(to));
    expect(ours().sort()).toEqual([...addresses].sort());
    const rows = await db().select().from(emailOutbox).where(inArray(emailOutbox.to, addresses));
    expect(rows.every((row) => row.sentAt !== null && row.attempts === 1)).toBe(true);
    expect(rows.every((row) => !row.text.includes("token=secret"))).toBe(true);
    // The message travels quoted-printable, where "=" is written "=3D".
    expect(received.some((mail) => mail.body.includes("reset?token=3Dsecret"))).toBe(true);
    await deliverPendingEmails();
    expect(ours()).toHaveLength(addresses.length);
  });

  it("records a refused delivery and retries it after a growing delay until it goes through", async () => {
    const address = `r-${randomUUID()}@example.test`;
    await queue(address);
    refuse = true;
    await deliverPendingEmails();
    let [row] = await db().select().from(emailOutbox).where(eq(emailOutbox.to, address));
    expect(row).toMatchObject({ sentAt: null, attempts: 1 });
    expect(row!.lastError).toContain("mailbox unavailable");
    expect(row!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 50_000);
    refuse = false;
    await deliverPendingEmails();
    [row] = await db().select().from(emailOutbox).where(eq(emailOutbox.to, address));
    expect(row!.sentAt).toBeNull();
    await db().update(emailOutbox).set({ nextAttemptAt: new Date() }).where(eq(emailOutbox.to, address));
    await deliverPendingEmails();
    [row] = await db().select().from(emailOutbox).where(eq(emailOutbox.to, address));
    expect(row!.sentAt).not.toBeNull();
    expect(received.filter((mail) => mail.to[0] === address)).toHaveLength(1);
  });

  it("waits 1, 2, 4 … minutes between attempts", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
  });

  it("gives up after the last attempt", async () => {
    const address = `r-${randomUUID()}@example.test`;
    await queue(address);
    refuse = true;
    for (let i = 0; i < MAX_EMAIL_ATTEMPTS + 2; i++) {
      await db().update(emailOutbox).set({ nextAttemptAt: new Date() }).where(eq(emailOutbox.to, address));
      await deliverPendingEmails();
    }
    const [row] = await db().select().from(emailOutbox).where(eq(emailOutbox.to, address));
    expect(row).toMatchObject({ sentAt: null, attempts: MAX_EMAIL_ATTEMPTS });
  });
});
