import { and, asc, eq, isNull, lte, sql } from "drizzle-orm";
import { db, type Transaction } from "@/db/client";
import { buyers, cardPayments, paymentAllocations } from "@/db/schema";
import { cardClearingEntry } from "@/lib/domain/collections";
import { totalFees } from "@/lib/domain/fees";
import type { CurrencyCode } from "@/lib/domain/money";
import { reserveDisputeShortfalls } from "../disputes/shortfall";
import { recordFeeCharges } from "../fees/charges";
import { lockCollectionPricing } from "../fees/collection-pricing";
import { WAKE_CHANNEL } from "../jobs/wake-channel";
import { postEntry } from "../ledger";

export const CLEAR_CARD_PAYMENTS_JOB = "cardPayments.clear";

/**
 * Moves one succeeded card payment from pending to available (its overpaid part to buyer_credit) once its clearing
 * time has come, charging the collection fee on what became available. Idempotent: the row lock and `cleared_at`
 * make a second run (or a second worker) do nothing, and the entry's key is per payment.
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
  // buyer_credit balance, from which it can be refunded, rather than into available, and is charged nothing.
  const allocations = payment.paymentId
    ? await tx
        .select({ id: paymentAllocations.id, target: paymentAllocations.target, amountMinor: paymentAllocations.amountMinor, country: buyers.country })
        .from(paymentAllocations)
        .leftJoin(buyers, eq(buyers.id, paymentAllocations.buyerId))
        .where(and(eq(paymentAllocations.paymentId, payment.paymentId), isNull(paymentAllocations.reversedAt)))
        .orderBy(asc(paymentAllocations.createdAt), asc(paymentAllocations.id))
    : [];
  const parts = allocations.filter((allocation) => allocation.target === "invoice");
  const creditMinor = allocations.filter((allocation) => allocation.target === "buyer_credit").reduce((sum, allocation) => sum + allocation.amountMinor, 0n);
  const pricer = parts.length > 0 ? await lockCollectionPricing(tx, payment.organizationId, [currency], now) : null;
  const priced = pricer?.price(currency, parts[0]!.country, parts.map((part) => part.amountMinor));
  const fees = priced?.fees.flat() ?? [];
  const { entryId } = await postEntry(
    tx,
    cardClearingEntry(payment.organizationId, payment.id, { currency, amountMinor: payment.amountMinor, creditMinor, processorPaymentId: payment.processorPaymentId, fees }),
  );
  await recordFeeCharges(tx, { organizationId: payment.organizationId, entryId, lines: fees });
  for (const [index, part] of parts.entries()) {
    await tx
      .update(paymentAllocations)
      .set({ feeMinor: totalFees(currency, priced!.fees[index]!), volumeCnyMinor: priced!.volumeCnyMinor[index]! })
      .where(eq(paymentAllocations.id, part.id));
  }
  await pricer?.save(tx);
  await tx.update(cardPayments).set({ clearedAt: now, clearingEntryId: entryId, updatedAt: now }).where(eq(cardPayments.id, payment.id));
  // What became available goes to open disputes' shortfalls first (the clearing entry already holds the available lock).
  await reserveDisputeShortfalls(tx, payment.organizationId, currency);
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
