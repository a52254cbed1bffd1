import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { settlementBatches, settlementBatchLines } from "@/db/schema";
import { bpsFraction } from "@/lib/domain/fx";
import type { BatchStatement, IsoDate, SettlementSchedule } from "@/lib/domain/settlement";
import type { SettlementConversion } from "./conversion";
import type { DueCollection } from "./ledger-reads";

type LineRow = typeof settlementBatchLines.$inferInsert;

export interface BatchRecord {
  id: string;
  organizationId: string;
  currency: string;
  payoutCurrency: string;
  runDate: IsoDate;
  runId: string | null;
  schedule: SettlementSchedule;
  cutoffDate: IsoDate;
  availableMinor: bigint;
  notYetDueMinor: bigint;
  dueMinor: bigint;
  statement: BatchStatement;
  collections: readonly DueCollection[];
  conversion: SettlementConversion | null;
  payout: { payoutId: string; entryId: string } | null;
  hold: { code: string; params: Record<string, string | number> } | null;
  now: Date;
}

/**
 * The statement's lines as stored, in its order: collections, their fees (the collection's entry), the conversion's
 * fee and the conversion (its entry), the payout's fees (the payout's entry). Subtotals and the reconciling line are
 * the batch's columns.
 */
function lineRows(record: BatchRecord): LineRow[] {
  const { id: batchId, organizationId, currency, payoutCurrency } = record;
  const rows: Omit<LineRow, "position" | "batchId" | "organizationId">[] = [];
  for (const collection of record.collections) {
    rows.push({ kind: "collection", currency, amountMinor: collection.grossMinor, entryId: collection.entryId, source: collection.source, reference: collection.reference, clearedOn: collection.clearedOn });
  }
  for (const collection of record.collections) {
    for (const fee of collection.fees) {
      rows.push({ kind: "fee", currency, amountMinor: -fee.amountMinor, entryId: collection.entryId, reference: collection.reference, feeType: fee.type, basisMinor: fee.basisMinor, rate: fee.rate });
    }
  }
  const fx = record.conversion;
  if (fx) {
    if (fx.price.feeMinor > 0n) {
      rows.push({ kind: "fee", currency, amountMinor: -fx.price.feeMinor, entryId: fx.entryId, feeType: "fx_conversion", basisMinor: fx.price.sellAmountMinor, rate: bpsFraction(fx.price.feeBps) });
    }
    rows.push({
      kind: "fx",
      currency,
      amountMinor: -fx.price.sellAmountMinor,
      entryId: fx.entryId,
      counterCurrency: payoutCurrency,
      counterAmountMinor: fx.price.buyAmountMinor,
      rate: fx.price.customerRate,
      mid: fx.price.mid,
    });
  }
  for (const line of record.statement.lines) {
    if (line.kind === "fee" && (line.feeType === "payout" || line.feeType === "expedited_payout")) {
      rows.push({ kind: "fee", currency: line.currency, amountMinor: line.amountMinor, entryId: record.payout!.entryId, feeType: line.feeType, basisMinor: line.basisMinor, rate: line.rate });
    }
  }
  return rows.map((row, position) => ({ ...row, position, batchId, organizationId }));
}

/** Writes a new batch, or a held one again (its old lines cleared first by clearBatchLines), with its statement's totals and lines. */
export async function saveBatch(tx: Transaction, record: BatchRecord, existing: boolean): Promise<void> {
  const { totals } = record.statement;
  const settled = record.payout !== null;
  const header = {
    payoutCurrency: record.payoutCurrency,
    runDate: record.runDate,
    runId: record.runId,
    status: settled ? ("settled" as const) : ("held" as const),
    schedule: record.schedule,
    cutoffDate: record.cutoffDate,
    availableMinor: record.availableMinor,
    notYetDueMinor: record.notYetDueMinor,
    dueMinor: record.dueMinor,
    grossMinor: totals.grossMinor,
    collectionFeesMinor: totals.collectionFeesMinor,
    otherMinor: totals.otherMinor,
    settledMinor: totals.settledMinor,
    fxFeeMinor: totals.fxFeeMinor,
    fxEntryId: record.conversion?.entryId ?? null,
    payoutAmountMinor: settled ? totals.payoutAmountMinor : null,
    payoutFeesMinor: settled ? totals.payoutFeesMinor : null,
    netMinor: totals.netMinor,
    payoutId: record.payout?.payoutId ?? null,
    holdCode: record.hold?.code ?? null,
    holdParams: record.hold?.params ?? null,
    updatedAt: record.now,
    settledAt: settled ? record.now : null,
  };
  if (existing) {
    await tx.update(settlementBatches).set(header).where(and(eq(settlementBatches.id, record.id), eq(settlementBatches.status, "held")));
  } else {
    await tx.insert(settlementBatches).values({ id: record.id, organizationId: record.organizationId, currency: record.currency, createdAt: record.now, ...header });
  }
  const rows = lineRows(record);
  for (let start = 0; start < rows.length; start += 1_000) await tx.insert(settlementBatchLines).values(rows.slice(start, start + 1_000));
}

/** Frees a held batch's collections, so that the run trying it again lists them (and any newer ones) afresh. */
export async function clearBatchLines(tx: Transaction, batchId: string): Promise<void> {
  await tx.delete(settlementBatchLines).where(eq(settlementBatchLines.batchId, batchId));
}

/** A held batch with nothing left to pay (or now on demand): cancelled, its collections free for a later batch. */
export async function cancelHeldBatch(tx: Transaction, batchId: string, now: Date): Promise<void> {
  await clearBatchLines(tx, batchId);
  await tx
    .update(settlementBatches)
    .set({ status: "cancelled", holdCode: null, holdParams: null, cancelledAt: now, updatedAt: now })
    .where(and(eq(settlementBatches.id, batchId), eq(settlementBatches.status, "held")));
}
