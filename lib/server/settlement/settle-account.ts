import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { settlementBatches } from "@/db/schema";
import { bpsFraction } from "@/lib/domain/fx";
import {
  assertBatchBalances,
  type BatchInput,
  type BusinessCalendar,
  batchStatementLines,
  dueAmount,
  firstClearingDateNotDue,
  type IsoDate,
} from "@/lib/domain/settlement";
import { reserveDisputeShortfalls } from "../disputes/shortfall";
import { ActionError } from "../guard/action-error";
import { userFacingCode } from "../guard/user-facing-error";
import { availableAccount } from "../payouts/balance";
import { settlementBankAccount } from "../payouts/bank-account";
import { createPayout } from "../payouts/create";
import { lockPayoutSettings } from "../payouts/settings";
import { cancelHeldBatch, clearBatchLines, saveBatch } from "./batch-store";
import { convertForSettlement, type SettlementConversion } from "./conversion";
import { dueCollections, notYetDueMinor } from "./ledger-reads";
import { effectiveSchedule } from "./schedules";

/** What a run did with one organization's currency; amounts as decimal strings of minor units (kept as JSON). */
export type AccountOutcome = { organizationId: string; currency: string } & (
  | { result: "settled"; batchId: string; payoutId: string; payoutCurrency: string; netMinor: string }
  | { result: "held"; batchId: string; code: string; params: Record<string, string | number> }
  | { result: "already_settled"; batchId: string }
  | { result: "nothing_due" }
  | { result: "not_scheduled" }
  | { result: "failed"; error: string }
);

export interface SettleAccountInput {
  organizationId: string;
  currency: string;
  runDate: IsoDate;
  runId: string | null;
  calendar: BusinessCalendar;
  now: Date;
}

/** The refusal a payout or conversion answered with, as shown to users; null for anything else (a bug: rethrown). */
function refusalOf(error: unknown): { code: string; params: Record<string, string | number> } | null {
  return error instanceof ActionError ? { code: error.code, params: error.params } : userFacingCode(error);
}

/**
 * Settles one organization's currency for `runDate`, once: the due amount (available, after open disputes took what
 * they are short of, less the credits not yet due under its schedule) with the collections it lists, converted to CNY
 * when the payout currency is CNY, paid out through createPayout. A refused conversion or payout leaves the batch held
 * with the reason, and the next run tries again. Runs of the same account wait for each other (advisory lock); a run
 * date is settled once (checked here, and by the unique keys on settled batches and on listed collections).
 * Lock order, as the payout code keeps it: payout settings → available → dispute cases → ledger accounts.
 */
export async function settleAccount(tx: Transaction, input: SettleAccountInput): Promise<AccountOutcome> {
  const { organizationId, currency, runDate, now } = input;
  const who = { organizationId, currency };
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`settlement:${organizationId}:${currency}`}, 0))`);
  const [done] = await tx
    .select({ id: settlementBatches.id })
    .from(settlementBatches)
    .where(and(eq(settlementBatches.organizationId, organizationId), eq(settlementBatches.currency, currency), eq(settlementBatches.runDate, runDate), eq(settlementBatches.status, "settled")));
  if (done) return { ...who, result: "already_settled", batchId: done.id };
  const [held] = await tx
    .select({ id: settlementBatches.id })
    .from(settlementBatches)
    .where(and(eq(settlementBatches.organizationId, organizationId), eq(settlementBatches.currency, currency), eq(settlementBatches.status, "held")));

  const bankAccount = await settlementBankAccount(tx, organizationId);
  const { schedule, payoutCurrency } = await effectiveSchedule(tx, organizationId, currency, bankAccount?.currencies ?? []);
  const cutoff = firstClearingDateNotDue(schedule, runDate, input.calendar);
  if (cutoff === null) {
    if (held) await cancelHeldBatch(tx, held.id, now);
    return { ...who, result: "not_scheduled" };
  }

  await lockPayoutSettings(tx, organizationId);
  // Money held for open disputes comes before any settlement.
  await reserveDisputeShortfalls(tx, organizationId, currency);
  const account = await availableAccount(tx, organizationId, currency);
  const availableMinor = account?.balanceMinor ?? 0n;
  const notYetDue = account ? await notYetDueMinor(tx, { organizationId, accountId: account.id, cutoff }) : 0n;
  const due = dueAmount(availableMinor, notYetDue);
  if (due === 0n || !account) {
    if (held) await cancelHeldBatch(tx, held.id, now);
    return { ...who, result: "nothing_due" };
  }

  if (held) await clearBatchLines(tx, held.id);
  const collections = await dueCollections(tx, { organizationId, accountId: account.id, currency, cutoff, runDate });
  const batchId = held?.id ?? randomUUID();
  const base: Omit<BatchInput, "settledMinor" | "conversion" | "payoutFees"> = { currency, payoutCurrency, collections };
  const record = { id: batchId, organizationId, currency, payoutCurrency, runDate, runId: input.runId, schedule, cutoffDate: cutoff, availableMinor, notYetDueMinor: notYetDue, dueMinor: due, collections, now };

  try {
    const paid = await tx.transaction(async (attempt) => {
      if (!bankAccount) throw new ActionError("payout_no_bank_account");
      const conversion: SettlementConversion | null =
        payoutCurrency === currency ? null : await convertForSettlement(attempt, { organizationId, batchId, currency, payoutCurrency, dueMinor: due, now });
      const payout = await createPayout(attempt, {
        organizationId,
        currency: payoutCurrency,
        amountMinor: conversion ? conversion.price.buyAmountMinor : due,
        speed: "standard",
        origin: { kind: "settlement", batchId },
        now,
      });
      return { conversion, payout };
    });
    const { conversion, payout } = paid;
    const price = conversion?.price;
    const statement = batchStatementLines({
      ...base,
      settledMinor: price ? price.sellTotalMinor : due,
      conversion: price
        ? {
            soldMinor: price.sellAmountMinor,
            fee: price.feeMinor > 0n ? { type: "fx_conversion", currency, basisMinor: price.sellAmountMinor, rate: bpsFraction(price.feeBps), amountMinor: price.feeMinor } : null,
            boughtMinor: price.buyAmountMinor,
            rate: price.customerRate,
            mid: price.mid,
          }
        : null,
      payoutFees: payout.feeLines,
    });
    assertBatchBalances(statement, payout.netMinor);
    await saveBatch(tx, { ...record, statement, conversion, payout: { payoutId: payout.payoutId, entryId: payout.entryId }, hold: null }, Boolean(held));
    return { ...who, result: "settled", batchId, payoutId: payout.payoutId, payoutCurrency, netMinor: payout.netMinor.toString() };
  } catch (error) {
    const hold = refusalOf(error);
    if (!hold) throw error;
    const statement = batchStatementLines({ ...base, settledMinor: due, conversion: null, payoutFees: null });
    await saveBatch(tx, { ...record, statement, conversion: null, payout: null, hold }, Boolean(held));
    return { ...who, result: "held", batchId, ...hold };
  }
}
