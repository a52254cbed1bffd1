import { and, asc, eq, isNull, lte, sql } from "drizzle-orm";
import { db, type Transaction } from "@/db/client";
import { cardPayments } from "@/db/schema";
import type { CurrencyCode } from "@/lib/domain/money";
import { WAKE_CHANNEL } from "../jobs/wake-channel";
import { postEntry } from "../ledger";

export const CLEAR_CARD_PAYMENTS_JOB = "cardPayments.clear";

/**
 * Moves one succeeded card payment from pending to available (its overpaid part to buyer_credit) once its clearing
 * time has come. Idempotent: the row
 * lock and `cleared_at` make a second run (or a second worker) do nothing, and the entry's key is per payment.
 */
export function clearCardPayment(cardPaymentId: string, now: Date): Promise<boolean> {
  return db().transaction((tx) => clearCardPaymentIn(tx, cardPaymentId, now));
}

/** clearCardPayment inside the caller's transaction (the demo seed clears in its own). */
export async function clearCardPaymentIn(tx: Transaction, cardPaymentId: string, now: Date): Promise<boolean> {
  const [payment] = await tx.select().from(cardPayments).where(eq(cardPayments.id, cardPaymentId)).for("update");
  if (!payment || payment.status !== "succeeded" || payment.clearedAt || !payment.clearsAt || payment.clearsAt > now) return false;
  const currency = payment.currency as CurrencyCode;
  // What the buyer paid beyond the invoice (or for an invoice voided meanwhile) is theirs: it clears into the
  // buyer_credit balance, from which it can be refunded, rather than into available.
  const [kept] = payment.paymentId
    ? await tx.execute<{ credit: string }>(
        sql`select coalesce(sum(amount_minor), 0)::text as credit from payment_allocations
             where payment_id = ${payment.paymentId} and target = 'buyer_credit' and reversed_at is null`,
      )
    : [];
  const creditMinor = BigInt(kept?.credit ?? "0");
  const { entryId } = await postEntry(tx, {
    organizationId: payment.organizationId,
    idempotencyKey: `card-clearing:${payment.id}`,
    type: "card_clearing",
    description: `Card payment ${payment.processorPaymentId} cleared`,
    cause: { type: "card_payment", id: payment.id },
    lines: [
      { account: { organizationId: payment.organizationId, kind: "pending", currency }, amountMinor: -payment.amountMinor },
      ...(payment.amountMinor > creditMinor
        ? [{ account: { organizationId: payment.organizationId, kind: "available" as const, currency }, amountMinor: payment.amountMinor - creditMinor }]
        : []),
      ...(creditMinor > 0n ? [{ account: { organizationId: payment.organizationId, kind: "buyer_credit" as const, currency }, amountMinor: creditMinor }] : []),
    ],
  });
  await tx.update(cardPayments).set({ clearedAt: now, clearingEntryId: entryId, updatedAt: now }).where(eq(cardPayments.id, payment.id));
  return true;
}

/** The job: every succeeded card payment whose clearing time has passed, oldest first; returns how many cleared. */
export async function clearDueCardPayments(now: Date = new Date()): Promise<number> {
  const due = await db()
    .select({ id: cardPayments.id })
    .from(cardPayments)
    .where(and(eq(cardPayments.status, "succeeded"), isNull(cardPayments.clearedAt), lte(cardPayments.clearsAt, now)))
    .orderBy(asc(cardPayments.clearsAt))
    .limit(1000);
  let cleared = 0;
  for (const { id } of due) if (await clearCardPayment(id, now)) cleared++;
  return cleared;
}

/** Asks the job worker to look for payments to clear now (a zero clearing delay clears at once). */
export async function wakeCardClearing(): Promise<void> {
  await db().execute(sql`select pg_notify(${WAKE_CHANNEL}, ${CLEAR_CARD_PAYMENTS_JOB})`);
}
