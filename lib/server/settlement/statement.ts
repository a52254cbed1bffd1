import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { db, type Executor } from "@/db/client";
import { payouts, settlementBatches, settlementBatchLines } from "@/db/schema";
import type { FeeLine, FeeType } from "@/lib/domain/fees";
import type { PayoutStatus } from "@/lib/domain/settlement/payout";
import { assertBatchBalances, type BatchCollection, type BatchFee, type BatchFeeType, type BatchInput, type BatchStatement, batchStatementLines } from "@/lib/domain/settlement";

export type BatchRow = typeof settlementBatches.$inferSelect;
export type BatchLineRow = typeof settlementBatchLines.$inferSelect;

const PAYOUT_FEES: ReadonlySet<string> = new Set(["payout", "expedited_payout"]);

function feeOf(line: BatchLineRow): BatchFee {
  return { type: line.feeType as BatchFeeType, currency: line.currency, basisMinor: line.basisMinor, rate: line.rate, amountMinor: -line.amountMinor };
}

/** The statement input a stored batch was built from: its lines regrouped, its settled amount from the batch. */
export function storedBatchInput(batch: BatchRow, lines: readonly BatchLineRow[]): BatchInput {
  const fees = lines.filter((line) => line.kind === "fee");
  const collectionFees = new Map<string | null, FeeLine[]>();
  for (const fee of fees) {
    if (PAYOUT_FEES.has(fee.feeType!) || fee.feeType === "fx_conversion") continue;
    collectionFees.set(fee.entryId, [...(collectionFees.get(fee.entryId) ?? []), feeOf(fee) as FeeLine]);
  }
  const collections: BatchCollection[] = lines
    .filter((line) => line.kind === "collection")
    .map((line) => ({
      reference: line.reference ?? "",
      source: line.source === "card" ? "card" : "bank",
      clearedOn: line.clearedOn!,
      grossMinor: line.amountMinor,
      fees: collectionFees.get(line.entryId) ?? [],
    }));
  const fx = lines.find((line) => line.kind === "fx");
  const fxFee = fees.find((fee) => fee.feeType === "fx_conversion");
  return {
    currency: batch.currency,
    payoutCurrency: batch.payoutCurrency,
    collections,
    settledMinor: batch.settledMinor,
    conversion: fx ? { soldMinor: -fx.amountMinor, fee: fxFee ? feeOf(fxFee) : null, boughtMinor: fx.counterAmountMinor!, rate: fx.rate!, mid: fx.mid! } : null,
    payoutFees: batch.status === "settled" ? fees.filter((fee) => PAYOUT_FEES.has(fee.feeType!)).map((fee) => ({ ...feeOf(fee), type: fee.feeType as FeeType })) : null,
  };
}

export interface LoadedBatch {
  batch: BatchRow;
  lines: BatchLineRow[];
  statement: BatchStatement;
  payout: { id: string; status: PayoutStatus; bankReference: string | null; amountMinor: bigint; netMinor: bigint; currency: string } | null;
  /** The statement re-added from its lines, equal to the batch's totals, its net equal to what the payout sends. */
  reconciled: boolean;
}

/** One batch of the organization with its statement, or null (another organization's too). */
export async function loadBatch(organizationId: string, batchId: string, executor: Executor = db()): Promise<LoadedBatch | null> {
  if (!z.uuid().safeParse(batchId).success) return null;
  const [found] = await executor
    .select({ batch: settlementBatches, payout: { id: payouts.id, status: payouts.status, bankReference: payouts.bankReference, amountMinor: payouts.amountMinor, netMinor: payouts.netMinor, currency: payouts.currency } })
    .from(settlementBatches)
    .leftJoin(payouts, eq(payouts.id, settlementBatches.payoutId))
    .where(and(eq(settlementBatches.id, batchId), eq(settlementBatches.organizationId, organizationId)));
  if (!found || found.batch.status === "cancelled") return null;
  const { batch, payout } = found;
  const lines = await executor.select().from(settlementBatchLines).where(eq(settlementBatchLines.batchId, batch.id)).orderBy(asc(settlementBatchLines.position));
  const statement = batchStatementLines(storedBatchInput(batch, lines));
  const { totals } = statement;
  let reconciled =
    totals.grossMinor === batch.grossMinor &&
    totals.collectionFeesMinor === batch.collectionFeesMinor &&
    totals.otherMinor === batch.otherMinor &&
    totals.netMinor === batch.netMinor &&
    (payout === null || (payout.amountMinor === totals.payoutAmountMinor && payout.currency === batch.payoutCurrency));
  try {
    if (payout) assertBatchBalances(statement, payout.netMinor);
  } catch {
    reconciled = false;
  }
  return { batch, lines, statement, payout, reconciled };
}
