import { and, eq, sql } from "drizzle-orm";
import { db, type Executor, type Transaction } from "@/db/client";
import { payouts } from "@/db/schema";
import { describeEntry } from "@/lib/domain/ledger/descriptions";
import { nextPayoutStatus, type PayoutEvent, type PayoutStatus } from "@/lib/domain/settlement/payout";
import type { PayoutBankAdapter } from "../banking";
import { markFeeChargesReversed } from "../fees/charges";
import { ActionError } from "../guard/action-error";
import { WAKE_CHANNEL } from "../jobs/wake-channel";
import { reverseEntry } from "../ledger";

export type PayoutRow = typeof payouts.$inferSelect;

export const PROCESS_PAYOUTS_JOB = "payouts.process";

/** The status `event` leads to from the payout's, or the refusal the user reads. */
export function nextStatusOrRefuse(payout: Pick<PayoutRow, "status">, event: PayoutEvent): PayoutStatus {
  const next = nextPayoutStatus(payout.status, event);
  if (!next.ok) throw new ActionError(next.code);
  return next.status;
}

/**
 * The payout, locked to the end of the transaction; another organization's answers not found. With `skipLocked`
 * (the job), one another transaction holds is skipped (null) rather than waited for.
 */
export async function lockPayout(
  tx: Transaction,
  payoutId: string,
  options: { organizationId?: string; skipLocked?: boolean } = {},
): Promise<PayoutRow | null> {
  const [row] = await tx
    .select()
    .from(payouts)
    .where(and(eq(payouts.id, payoutId), options.organizationId ? eq(payouts.organizationId, options.organizationId) : undefined))
    .for("update", options.skipLocked ? { skipLocked: true } : {});
  return row ?? null;
}

async function update(tx: Transaction, payoutId: string, patch: Partial<PayoutRow>): Promise<PayoutRow> {
  const [row] = await tx.update(payouts).set(patch).where(eq(payouts.id, payoutId)).returning();
  return row!;
}

/** Gives the amount (fees included) back to available by reversing the payout's entry, and marks its fees reversed. */
async function reversePayoutEntry(tx: Transaction, payout: PayoutRow, description: string, createdBy: string | null, at: Date): Promise<string> {
  const { entryId } = await reverseEntry(tx, {
    organizationId: payout.organizationId,
    entryId: payout.entryId,
    idempotencyKey: `payout-reversal:${payout.id}`,
    reason: description,
    createdBy,
  });
  await markFeeChargesReversed(tx, payout.entryId, at);
  return entryId;
}

/** Cancels a payout still awaiting approval (the caller holds its lock): the money goes back to available. */
export async function cancelLockedPayout(tx: Transaction, payout: PayoutRow, by: string, at: Date): Promise<PayoutRow> {
  const status = nextStatusOrRefuse(payout, "cancel");
  const reversalEntryId = await reversePayoutEntry(tx, payout, describeEntry("payoutCancelled"), by, at);
  return update(tx, payout.id, { status, cancelledBy: by, cancelledAt: at, reversalEntryId });
}

/** Sends a locked approved payout to the bank: status sent, with the bank's reference. Anything else is left as it is. */
export async function sendLockedPayout(tx: Transaction, payout: PayoutRow, bank: PayoutBankAdapter, now: Date): Promise<PayoutRow> {
  if (payout.status !== "approved") return payout;
  const { reference } = await bank.sendPayout(
    { payoutId: payout.id, currency: payout.currency, amountMinor: payout.netMinor, speed: payout.speed, beneficiary: payout.beneficiary },
    { tx, now },
  );
  return update(tx, payout.id, { status: nextStatusOrRefuse(payout, "send"), sentAt: now, bankProvider: bank.provider, bankReference: reference });
}

/**
 * Takes the bank's word on a locked sent payout: paid; or failed / returned with the reason, and then its entry is
 * reversed so that the amount and the fees are available again; in transit: nothing changes.
 */
export async function settleLockedPayout(tx: Transaction, payout: PayoutRow, bank: PayoutBankAdapter, now: Date): Promise<PayoutRow> {
  if (payout.status !== "sent" || !payout.bankReference) return payout;
  const answer = await bank.payoutStatus(payout.bankReference, { tx, now });
  if (answer.state === "paid") {
    return update(tx, payout.id, { status: nextStatusOrRefuse(payout, "confirm_paid"), paidAt: answer.at });
  }
  if (answer.state === "in_transit") return payout;
  const failed = answer.state === "failed";
  const reason = answer.reason || (failed ? "Failed at the bank" : "Returned by the bank");
  const reversalEntryId = await reversePayoutEntry(tx, payout, describeEntry(failed ? "payoutFailed" : "payoutReturned", { reason }), null, now);
  return update(tx, payout.id, {
    status: nextStatusOrRefuse(payout, failed ? "fail" : "return"),
    failureReason: reason,
    reversalEntryId,
    ...(failed ? { failedAt: now } : { returnedAt: now }),
  });
}

/** Moves a locked payout on with the bank as far as it goes now. Safe to run again: each step checks the status first. */
export async function syncLockedPayout(tx: Transaction, payout: PayoutRow, bank: PayoutBankAdapter, now: Date): Promise<PayoutRow> {
  return settleLockedPayout(tx, await sendLockedPayout(tx, payout, bank, now), bank, now);
}

/** Asks the job worker to process payouts now rather than at its next minute (call once the work has committed). */
export async function wakePayoutProcessing(executor: Executor = db()): Promise<void> {
  await executor.execute(sql`select pg_notify(${WAKE_CHANNEL}, ${PROCESS_PAYOUTS_JOB})`);
}
