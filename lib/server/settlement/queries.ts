import { and, desc, eq, ne, sql } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { payouts, settlementBatches } from "@/db/schema";

export type BatchListRow = Awaited<ReturnType<typeof listBatches>>[number];

/** The organization's settlement batches (cancelled ones left out), newest run first, with their payout's status. */
export async function listBatches(organizationId: string, limit = 100, executor: Executor = db()) {
  return executor
    .select({
      id: settlementBatches.id,
      currency: settlementBatches.currency,
      payoutCurrency: settlementBatches.payoutCurrency,
      runDate: settlementBatches.runDate,
      status: settlementBatches.status,
      grossMinor: settlementBatches.grossMinor,
      settledMinor: settlementBatches.settledMinor,
      netMinor: settlementBatches.netMinor,
      holdCode: settlementBatches.holdCode,
      holdParams: settlementBatches.holdParams,
      payoutId: settlementBatches.payoutId,
      payoutStatus: payouts.status,
      collections: sql<number>`(select count(*)::int from settlement_batch_lines l where l.batch_id = ${settlementBatches.id} and l.kind = 'collection')`,
    })
    .from(settlementBatches)
    .leftJoin(payouts, eq(payouts.id, settlementBatches.payoutId))
    .where(and(eq(settlementBatches.organizationId, organizationId), ne(settlementBatches.status, "cancelled")))
    .orderBy(desc(settlementBatches.runDate), desc(settlementBatches.createdAt))
    .limit(limit);
}
