import { and, eq, inArray } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { buyers, organizations } from "@/db/schema";
import {
  agingByCurrency,
  cnyTotal,
  cnyValue,
  dso,
  dsoPeriod,
  feesSeries,
  seriesByCurrency,
  sumLateness,
  topBuyers,
  type BuyerOutstanding,
} from "@/lib/domain/dashboard";
import { cnyRates } from "@/lib/domain/exposure";
import { organizationExposure } from "../exposure/queries";
import { maxRateAgeMs } from "../fx/config";
import { loadRateBook } from "../fx/rates";
import { type BuyerReceivable, feeRows, flows, paidLateness, receivableSummary } from "./aggregates";
import { disputedAmounts } from "./disputed";
import type { DashboardFilters } from "./filters";
import { nextPayout } from "./next-payout";

const TOP_BUYERS = 10;

/** What each buyer owes per currency and in CNY, for ranking. */
function outstandingByBuyer(rows: readonly BuyerReceivable[], mids: ReadonlyMap<string, string>, names: ReadonlyMap<string, string>): BuyerOutstanding[] {
  const byBuyer = new Map<string, BuyerReceivable[]>();
  for (const row of rows) byBuyer.set(row.buyerId, [...(byBuyer.get(row.buyerId) ?? []), row]);
  return [...byBuyer.entries()].map(([buyerId, owed]) => {
    const total = cnyTotal(owed.map((row) => ({ currency: row.currency, amountMinor: row.outstandingMinor })), mids);
    return { buyerId, name: names.get(buyerId) ?? "", outstanding: total.byCurrency.map(({ currency, amountMinor }) => ({ currency, amountMinor })), outstandingCnyMinor: total.cnyMinor };
  });
}

/**
 * The factory dashboard of one organization on its date `today`: headline figures, receivables aging, collections
 * beside invoices issued per month, currency exposure with its sensitivity, the largest buyers' balances with their
 * average days late, and fees per month. CNY equivalents at today's mid rates (a currency without a fresh rate is
 * named in `unpriced` and left out of CNY figures). Reads only aggregates and indexed rows (db/schema/dashboard.ts).
 */
export async function factoryDashboard(organizationId: string, filters: DashboardFilters, today: string, options: { now?: Date; executor?: Executor } = {}) {
  const executor = options.executor ?? db();
  const now = options.now ?? new Date();
  const { range, currency, buyerId } = filters;
  const period = dsoPeriod(today);
  const monthStart = `${today.slice(0, 7)}-01`;
  const [[organization], receivables, monthly, thisMonth, periodSales, fees, disputed, payout, book] = await Promise.all([
    executor.select({ id: organizations.id, timezone: organizations.timezone }).from(organizations).where(eq(organizations.id, organizationId)),
    receivableSummary(executor, organizationId, filters, today),
    flows(executor, organizationId, { from: range.from, to: range.to, currency, buyerId }, "month"),
    flows(executor, organizationId, { from: monthStart, to: today, currency, buyerId }, "period"),
    flows(executor, organizationId, { from: period.from, to: period.to, currency, buyerId }, "period"),
    feeRows(executor, organizationId, { from: range.from, to: range.to, currency }),
    disputedAmounts(executor, organizationId, filters),
    nextPayout(executor, organizationId, currency),
    loadRateBook(executor),
  ]);
  if (!organization) throw new Error(`No organization ${organizationId}`);

  const currencies = new Set([
    ...receivables.byDueClass.map((row) => row.currency),
    ...monthly.map((row) => row.currency),
    ...thisMonth.map((row) => row.currency),
    ...periodSales.map((row) => row.currency),
    ...fees.map((row) => row.currency),
    ...disputed.amounts.map((row) => row.currency),
  ]);
  const rates = cnyRates(book, currencies, now, maxRateAgeMs());
  const mids = new Map([...rates].flatMap(([code, rate]) => (rate.status === "fresh" ? [[code, rate.mid] as const] : [])));

  const aging = agingByCurrency(receivables.byDueClass, today, mids);
  const collectedThisMonth = cnyTotal(thisMonth.map((row) => ({ currency: row.currency, amountMinor: row.collectedMinor })), mids);
  const creditSales = cnyTotal(periodSales.map((row) => ({ currency: row.currency, amountMinor: row.invoicedMinor })), mids);
  const inDispute = cnyTotal(disputed.amounts, mids);

  const owing = [...new Set(receivables.byBuyer.map((row) => row.buyerId))];
  const names = owing.length
    ? new Map(
        (await executor.select({ id: buyers.id, name: buyers.name }).from(buyers).where(and(eq(buyers.organizationId, organizationId), inArray(buyers.id, owing)))).map(
          (buyer) => [buyer.id, buyer.name] as const,
        ),
      )
    : new Map<string, string>();
  const outstanding = outstandingByBuyer(receivables.byBuyer, mids, names);
  const leaders = topBuyers(outstanding, [], TOP_BUYERS);
  const leaderIds = new Set(leaders.map((buyer) => buyer.buyerId));
  const lateness = sumLateness(
    receivables.byBuyer.filter((row) => leaderIds.has(row.buyerId)).map((row) => ({ buyerId: row.buyerId, ...row.pastDue })),
    await paidLateness(executor, organizationId, [...leaderIds]),
  );

  const feeUnpriced = new Set<string>();
  const feesInCny = fees.flatMap((row) => {
    const amountCnyMinor = cnyValue(row.currency, row.amountMinor, mids);
    if (amountCnyMinor === null) feeUnpriced.add(row.currency);
    return amountCnyMinor === null ? [] : [{ month: row.month, type: row.type, amountCnyMinor }];
  });

  const { exposure, sensitivity, basis } = await organizationExposure(organization, {
    now,
    executor,
    book,
    currency,
    receivables: receivables.byDueClass,
  });

  return {
    today,
    filters,
    headline: {
      openCnyMinor: aging.openCnyMinor,
      overdueCnyMinor: aging.overdueCnyMinor,
      collectedThisMonth,
      dso: { period, creditSalesCnyMinor: creditSales.cnyMinor, result: dso({ openReceivablesCnyMinor: aging.openCnyMinor, creditSalesCnyMinor: creditSales.cnyMinor, periodDays: period.days }) },
      inDispute: { ...inDispute, cases: disputed.cases },
      nextPayout: payout,
    },
    aging,
    collected: seriesByCurrency(monthly.filter((row) => row.collectedMinor !== 0n).map((row) => ({ month: row.month!, currency: row.currency, amountMinor: row.collectedMinor })), range.to, range.months),
    invoiced: seriesByCurrency(monthly.filter((row) => row.invoicedMinor !== 0n).map((row) => ({ month: row.month!, currency: row.currency, amountMinor: row.invoicedMinor })), range.to, range.months),
    topBuyers: topBuyers(leaders, lateness, TOP_BUYERS),
    fees: { series: feesSeries(feesInCny, range.to, range.months), unpriced: [...feeUnpriced].sort() },
    exposure: { exposure, sensitivity, basis },
    /** The fresh CNY mid rates used, for drawing bars in yuan. */
    mids: Object.fromEntries(mids) as Record<string, string>,
    /** Every currency in these figures that has no fresh rate, so is left out of the CNY amounts. */
    unpriced: [...rates].filter(([, rate]) => rate.status !== "fresh").map(([code]) => code).sort(),
  };
}

export type FactoryDashboard = Awaited<ReturnType<typeof factoryDashboard>>;
