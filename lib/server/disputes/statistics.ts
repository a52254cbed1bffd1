import { and, eq, gte, isNotNull, lt, ne, sql } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { buyers, disputes, invoices } from "@/db/schema";
import {
  casesByTier,
  disputeRates,
  medianTimeToResolveMs,
  outcomeCounts,
  rootCauseCounts,
  serviceLevelShare,
  type CaseRecord,
} from "@/lib/domain/disputes";

export interface StatisticsScope {
  /** One factory's own cases; all organizations (platform admins) when absent. */
  organizationId?: string;
  from: Date;
  /** Exclusive. */
  to: Date;
}

/**
 * The dispute statistics of the cases opened in [from, to): dispute rate per buyer and per buyer country against
 * the invoices issued in the same period, median time to resolve, share kept within service level, cases per tier,
 * outcomes, root causes and missed deadlines.
 */
export async function disputeStatistics(scope: StatisticsScope, executor: Executor = db()) {
  const organization = (column: typeof disputes.organizationId | typeof invoices.organizationId) =>
    scope.organizationId ? eq(column, scope.organizationId) : undefined;
  const [caseRows, activityRows] = await Promise.all([
    executor
      .select({
        buyerId: disputes.buyerId,
        buyerName: buyers.name,
        buyerCountry: buyers.country,
        tier: disputes.tier,
        openedAt: disputes.openedAt,
        decidedAt: disputes.decidedAt,
        outcome: disputes.outcome,
        breachedAt: disputes.breachedAt,
        breachCount: disputes.breachCount,
        rootCause: disputes.rootCause,
      })
      .from(disputes)
      .innerJoin(buyers, eq(buyers.id, disputes.buyerId))
      .where(and(organization(disputes.organizationId), gte(disputes.openedAt, scope.from), lt(disputes.openedAt, scope.to))),
    executor
      .select({ buyerId: invoices.buyerId, buyerName: buyers.name, buyerCountry: buyers.country, invoices: sql<number>`count(*)::int` })
      .from(invoices)
      .innerJoin(buyers, eq(buyers.id, invoices.buyerId))
      .where(
        and(
          organization(invoices.organizationId),
          ne(invoices.status, "draft"),
          isNotNull(invoices.issuedAt),
          gte(invoices.issuedAt, scope.from),
          lt(invoices.issuedAt, scope.to),
        ),
      )
      .groupBy(invoices.buyerId, buyers.name, buyers.country),
  ]);
  const cases: CaseRecord[] = caseRows.map((row) => ({
    buyerId: row.buyerId,
    buyerCountry: row.buyerCountry,
    tier: row.tier,
    openedAt: row.openedAt,
    decidedAt: row.decidedAt,
    outcome: row.outcome,
    withinServiceLevel: row.breachedAt === null,
    rootCause: row.rootCause,
  }));
  const buyerNames = new Map([...caseRows, ...activityRows].map((row) => [row.buyerId, row.buyerName]));
  const rates = disputeRates(cases, activityRows);
  return {
    totals: {
      opened: cases.length,
      open: cases.filter((c) => c.decidedAt === null).length,
      decided: cases.filter((c) => c.decidedAt !== null).length,
    },
    rates: { byBuyer: rates.byBuyer.map((rate) => ({ ...rate, buyerName: buyerNames.get(rate.key) ?? rate.key })), byCountry: rates.byCountry },
    medianTimeToResolveMs: medianTimeToResolveMs(cases),
    serviceLevel: serviceLevelShare(cases),
    byTier: casesByTier(cases),
    outcomes: outcomeCounts(cases),
    rootCauses: rootCauseCounts(cases),
    breaches: caseRows.reduce((sum, row) => sum + row.breachCount, 0),
  };
}

export type DisputeStatistics = Awaited<ReturnType<typeof disputeStatistics>>;
