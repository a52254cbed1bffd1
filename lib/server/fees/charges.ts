import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { feeCharges } from "@/db/schema";
import type { EntryLine } from "@/lib/domain/ledger/entry";
import { type FeeLine, totalFees } from "@/lib/domain/fees";
import type { CurrencyCode } from "@/lib/domain/money";

/** The platform's fee_revenue line for `lines` (all in `currency`); none when they sum to zero. Pair it with the debit. */
export function feeRevenueLine(currency: CurrencyCode, lines: readonly FeeLine[]): EntryLine[] {
  const total = totalFees(currency, lines);
  return total === 0n ? [] : [{ account: { organizationId: null, kind: "fee_revenue", currency }, amountMinor: total }];
}

/** Records the fee lines a just-posted entry carries, in the same transaction. */
export async function recordFeeCharges(executor: Executor, input: { organizationId: string; entryId: string; lines: readonly FeeLine[] }): Promise<void> {
  const rows = input.lines.filter((line) => line.amountMinor > 0n);
  if (rows.length === 0) return;
  await executor.insert(feeCharges).values(
    rows.map((line) => ({
      organizationId: input.organizationId,
      entryId: input.entryId,
      type: line.type,
      currency: line.currency,
      basisMinor: line.basisMinor,
      rate: line.rate,
      amountMinor: line.amountMinor,
    })),
  );
}

/** Marks the fees of a reversed entry as reversed (the reversal gave them back). */
export async function markFeeChargesReversed(executor: Executor, entryId: string, at: Date = new Date()): Promise<void> {
  await executor.update(feeCharges).set({ reversedAt: at }).where(and(eq(feeCharges.entryId, entryId), isNull(feeCharges.reversedAt)));
}
