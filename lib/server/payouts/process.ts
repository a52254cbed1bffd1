import { asc, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { payouts } from "@/db/schema";
import type { PayoutStatus } from "@/lib/domain/settlement/payout";
import { bankAdapter, type PayoutBankAdapter } from "../banking";
import { now as clockNow } from "../clock";
import { lockPayout, syncLockedPayout } from "./lifecycle";

/** Payouts looked at per run; the rest wait for the next minute. */
const BATCH = 200;

/**
 * The `payouts.process` job: sends approved payouts to the bank and records what the bank says of sent ones, each
 * payout in a transaction of its own under its row lock (one another worker holds is skipped). Idempotent: a second
 * run, or two at once, finds nothing left to do for a payout already moved on. One payout the bank refuses to talk
 * about does not hold up the others; the run then fails so that the job is retried. Returns the counts moved.
 */
export async function processPayouts(at?: Date, bank: PayoutBankAdapter = bankAdapter()): Promise<Partial<Record<PayoutStatus, number>>> {
  const now = at ?? (await clockNow());
  const due = await db()
    .select({ id: payouts.id })
    .from(payouts)
    .where(inArray(payouts.status, ["approved", "sent"]))
    .orderBy(asc(payouts.requestedAt))
    .limit(BATCH);
  const moved: Partial<Record<PayoutStatus, number>> = {};
  const errors: unknown[] = [];
  for (const { id } of due) {
    try {
      const status = await db().transaction(async (tx) => {
        const payout = await lockPayout(tx, id, { skipLocked: true });
        if (!payout) return null;
        const after = await syncLockedPayout(tx, payout, bank, now);
        return after.status === payout.status ? null : after.status;
      });
      if (status) moved[status] = (moved[status] ?? 0) + 1;
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length > 0) throw new AggregateError(errors, `payouts.process: ${errors.length} payout(s) could not be processed`);
  return moved;
}
