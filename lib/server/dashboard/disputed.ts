import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { disputes } from "@/db/schema";
import type { CurrencyAmount } from "@/lib/domain/dashboard";
import { DISPUTE_STATUSES, isUndecided } from "@/lib/domain/disputes/status";

const UNDECIDED = DISPUTE_STATUSES.filter(isUndecided);

/** What the organization's undecided dispute cases claim per currency (a case counts until it is decided), and how many there are. */
export async function disputedAmounts(
  executor: Executor,
  organizationId: string,
  filters: { currency: string | null; buyerId: string | null },
): Promise<{ amounts: CurrencyAmount[]; cases: number }> {
  const rows = await executor
    .select({ currency: disputes.currency, amount: sql<string>`sum(${disputes.disputedMinor})::text`, cases: sql<number>`count(*)::int` })
    .from(disputes)
    .where(
      and(
        eq(disputes.organizationId, organizationId),
        inArray(disputes.status, UNDECIDED),
        filters.currency ? eq(disputes.currency, filters.currency) : undefined,
        filters.buyerId ? eq(disputes.buyerId, filters.buyerId) : undefined,
      ),
    )
    .groupBy(disputes.currency);
  return {
    amounts: rows.map((row) => ({ currency: row.currency, amountMinor: BigInt(row.amount) })),
    cases: rows.reduce((sum, row) => sum + row.cases, 0),
  };
}
