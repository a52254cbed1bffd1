import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { feeCharges, fxRates, invoices, organizations, paymentAllocations } from "@/db/schema";
import { agingByCurrency } from "@/lib/domain/dashboard";
import { dueBucket } from "@/lib/domain/exposure";
import { addDays } from "@/lib/domain/invoices";
import { localDateOf } from "@/lib/domain/time/local-day";
import { createApprovedTeam, createTestBuyer, createTestInvoice } from "@/tests/fixtures/invoices";
import { openCollectionAccounts } from "@/tests/fixtures/statements";
import { reverseAllocation } from "../collections/allocations";
import { storeObservations } from "../fx/rates";
import { voidInvoice } from "../invoices/void";
import { simulateIncomingTransfer } from "../matching/sandbox-transfer";
import { receivableSummary } from "./aggregates";
import { compactDashboard, rebuildDashboard } from "./compact";
import { factoryDashboard } from "./factory";
import { dashboardFilters } from "./filters";
import { platformDashboard } from "./platform";

const NET_30 = { kind: "single", days: "30", anchor: "issue" } as const;
const line = (unitPrice: string) => [{ description: "Hex bolts M8×40", hsCode: "7318.15.00", quantity: "1", unit: "lot", unitPrice }];

/** Every aggregate of an organization summed per key: what readers see, whatever the number of delta rows. */
async function aggregates(organizationId: string) {
  const [row] = await db().execute<{ receivables: unknown; lateness: unknown; daily: unknown; fees: unknown }>(sql`
    select
      (select coalesce(jsonb_agg(r order by r.k), '[]') from (select buyer_id || currency || coalesce(due_date::text, '-') as k, sum(outstanding_minor)::text as o, sum(instalments)::int as n
         from dashboard_receivables where organization_id = ${organizationId} group by 1 having sum(outstanding_minor) <> 0 or sum(instalments) <> 0) r) as receivables,
      (select coalesce(jsonb_agg(r order by r.k), '[]') from (select buyer_id::text as k, sum(paid_instalments)::int as n, sum(late_days)::text as d
         from dashboard_lateness where organization_id = ${organizationId} group by 1 having sum(paid_instalments) <> 0 or sum(late_days) <> 0) r) as lateness,
      (select coalesce(jsonb_agg(r order by r.k), '[]') from (select day::text || currency as k, sum(invoiced_minor)::text as i, sum(invoices)::int as ni, sum(collected_minor)::text as c, sum(payments)::int as np
         from dashboard_daily where organization_id = ${organizationId} group by 1 having sum(invoiced_minor) <> 0 or sum(invoices) <> 0 or sum(collected_minor) <> 0 or sum(payments) <> 0) r) as daily,
      (select coalesce(jsonb_agg(r order by r.k), '[]') from (select month::text || type || currency as k, sum(amount_minor)::text as a, sum(charges)::int as n
         from dashboard_fees where organization_id = ${organizationId} group by 1 having sum(amount_minor) <> 0 or sum(charges) <> 0) r) as fees`);
  return row!;
}

/** What open instalments of open invoices still owe per currency and due date, read from the base tables. */
async function openInstalments(organizationId: string) {
  const rows = await db().execute<{ currency: string; due_date: string | null; outstanding: string }>(sql`
    select i.currency, s.due_date::text, sum(s.amount_minor - s.paid_minor)::text as outstanding
      from invoice_instalments s join invoices i on i.id = s.invoice_id
     where s.organization_id = ${organizationId} and i.status in ('open', 'partially_paid') and s.status in ('open', 'partially_paid')
     group by i.currency, s.due_date`);
  return rows.map((row) => ({ currency: row.currency.trim(), dueDate: row.due_date, outstandingMinor: BigInt(row.outstanding) }));
}

async function rowCount(table: string, organizationId: string): Promise<number> {
  const [row] = await db().execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)} where organization_id = ${organizationId}`);
  return row!.n;
}

/**
 * A factory with known answers (today in its time zone):
 *   Alpha (USD): 1,000.00 due 45 days ago, 2,000.00 due in 10 days, 400.00 due 120 days ago, 300.00 issued then voided.
 *   Beta (EUR):  500.00 due 10 days ago with 200.00 paid today, 100.00 due 20 days ago paid in full today, 800.00 draft.
 * Rates: 1 EUR = 8 CNY, 1 EUR = 1.25 USD (so 1 USD = 6.4 CNY).
 */
async function knownFactory() {
  const team = await createApprovedTeam();
  const organizationId = team.organization.id;
  await openCollectionAccounts(organizationId);
  const today = localDateOf(new Date(), team.organization.timezone);
  const alpha = await createTestBuyer(organizationId, team.owner.id, { name: `Alpha Tools ${crypto.randomUUID().slice(0, 6)}`, currency: "USD" });
  const beta = await createTestBuyer(organizationId, team.owner.id, { name: `Beta Werkzeug ${crypto.randomUUID().slice(0, 6)}`, currency: "EUR" });
  const issue = (buyerId: string, currency: string, price: string, issuedDaysAgo: number, draft = false) =>
    createTestInvoice(organizationId, team.owner.id, buyerId, { currency, lines: line(price), terms: NET_30, issueDate: addDays(today, -issuedDaysAgo), draft });
  await issue(alpha.id, "USD", "1000.00", 75);
  await issue(alpha.id, "USD", "2000.00", 20);
  await issue(alpha.id, "USD", "400.00", 150);
  const voided = await issue(alpha.id, "USD", "300.00", 10);
  await db().transaction((tx) => voidInvoice(tx, { organizationId, userId: team.owner.id }, voided.invoice.id, "Issued twice"));
  const part = await issue(beta.id, "EUR", "500.00", 40);
  const full = await issue(beta.id, "EUR", "100.00", 50);
  await issue(beta.id, "EUR", "800.00", 5, true);
  for (const [invoice, amount] of [
    [part.invoice, 20_000n],
    [full.invoice, 10_000n],
  ] as const) {
    await db().transaction((tx) =>
      simulateIncomingTransfer(tx, { organizationId, currency: "EUR", amountMinor: amount, remittanceText: invoice.rfReference, payerName: "BETA WERKZEUG", bookingDate: today, createdBy: team.finance.id }),
    );
  }
  return { team, organizationId, today, alpha, beta };
}

describe("the factory dashboard", () => {
  const now = new Date();
  beforeAll(async () => {
    await storeObservations(db(), [
      { base: "EUR", quote: "CNY", rate: "8", asOf: now, source: "dashboard-test" },
      { base: "EUR", quote: "USD", rate: "1.25", asOf: now, source: "dashboard-test" },
    ]);
  });
  // Other files' tests read the newest rates of the shared test database: leave none of ours behind.
  afterAll(() => db().delete(fxRates).where(eq(fxRates.source, "dashboard-test")));
  const noFilter = (today: string) => dashboardFilters({ from: "", to: "", currency: "", buyer: "" }, today);

  it("gives the figures that the invoices and the ledger give, for an organization with known answers", async () => {
    const { organizationId, today, alpha, beta } = await knownFactory();
    const dashboard = await factoryDashboard(organizationId, noFilter(today), today, { now });
    expect(dashboard.mids).toMatchObject({ EUR: "8", USD: "6.4" });

    expect(dashboard.aging.buckets.map((bucket) => [bucket.bucket, bucket.byCurrency.map((entry) => `${entry.currency} ${entry.amountMinor}`)])).toEqual([
      ["current", ["USD 200000"]],
      ["1_30", ["EUR 30000"]],
      ["31_60", ["USD 100000"]],
      ["61_90", []],
      ["over_90", ["USD 40000"]],
    ]);
    // The aggregate's summary equals what the instalments themselves still owe, bucket by bucket and month by month.
    const summary = await receivableSummary(db(), organizationId, { currency: null, buyerId: null }, today);
    const fromInvoices = await openInstalments(organizationId);
    expect(agingByCurrency(summary.byDueClass, today)).toEqual(agingByCurrency(fromInvoices, today));
    const byDueMonth = (rows: readonly { currency: string; dueDate: string | null; outstandingMinor: bigint }[]) => {
      const sums = new Map<string, bigint>();
      for (const row of rows) sums.set(`${row.currency} ${dueBucket(row.dueDate, today)}`, (sums.get(`${row.currency} ${dueBucket(row.dueDate, today)}`) ?? 0n) + row.outstandingMinor);
      return Object.fromEntries([...sums].sort());
    };
    expect(byDueMonth(summary.byDueClass)).toEqual(byDueMonth(fromInvoices));

    // USD 3,400.00 × 6.4 + EUR 300.00 × 8; overdue USD 1,400.00 and EUR 300.00.
    expect(dashboard.headline.openCnyMinor).toBe(2_416_000n);
    expect(dashboard.headline.overdueCnyMinor).toBe(1_136_000n);
    // Invoiced in the last 90 days: USD 3,000.00 and EUR 600.00 (the void one and the draft are not sales) = CNY 24,000.00.
    expect(dashboard.headline.dso.creditSalesCnyMinor).toBe(2_400_000n);
    expect(dashboard.headline.dso.result).toEqual({ kind: "days", days: "90.6" });

    // Collected this month: EUR 300.00, as the bank receipts posted it to the ledger.
    expect(dashboard.headline.collectedThisMonth.byCurrency).toEqual([{ currency: "EUR", amountMinor: 30_000n, cnyMinor: 240_000n }]);
    const [ledger] = await db().execute<{ received: string }>(sql`
      select coalesce(sum(-l.amount_minor), 0)::text as received
        from journal_lines l join journal_entries e on e.id = l.entry_id join ledger_accounts a on a.id = l.account_id
       where e.organization_id = ${organizationId} and e.type = 'collection_receipt' and a.kind = 'bank_clearing' and a.currency = 'EUR'`);
    expect(BigInt(ledger!.received)).toBe(30_000n);
    const month = today.slice(0, 7);
    expect(dashboard.collected.points.at(-1)).toEqual({ month, amounts: { EUR: 30_000n } });
    expect(dashboard.invoiced.points.at(-1)!.month).toBe(month);

    // Alpha owes more; days late: Alpha (45 + 120) ÷ 2 open past-due instalments, Beta (10 open + 20 paid late) ÷ 2.
    expect(dashboard.topBuyers.map((buyer) => [buyer.buyerId, buyer.outstandingCnyMinor, buyer.averageDaysLate])).toEqual([
      [alpha.id, 2_176_000n, "82.5"],
      [beta.id, 240_000n, "15.0"],
    ]);

    // Fees by month equal the fee charges of the organization that are not reversed.
    const charged = await db()
      .select({ type: feeCharges.type, amount: sql<string>`sum(${feeCharges.amountMinor})::text` })
      .from(feeCharges)
      .where(and(eq(feeCharges.organizationId, organizationId), sql`${feeCharges.reversedAt} is null`))
      .groupBy(feeCharges.type);
    expect(charged.length).toBeGreaterThan(0);
    const shown = dashboard.fees.series.keys.map((type) => [type, dashboard.fees.series.points.reduce((sum, point) => sum + (point.amounts[type] ?? 0n), 0n)]);
    expect(shown).toEqual(charged.map((row) => [row.type, BigInt(row.amount) * 8n]).sort());
  });

  it("sums receivables into the aging buckets in the database with the buckets' own boundaries", async () => {
    const team = await createApprovedTeam();
    const organizationId = team.organization.id;
    const today = localDateOf(new Date(), team.organization.timezone);
    const buyer = await createTestBuyer(organizationId, team.owner.id, { name: `Edge Buyer ${crypto.randomUUID().slice(0, 6)}`, currency: "USD" });
    // Due d days ago, each with its own amount (d + 1 dollars); -40: due in 40 days.
    for (const d of [0, 1, 30, 31, 60, 61, 90, 91, -40]) {
      await createTestInvoice(organizationId, team.owner.id, buyer.id, { currency: "USD", lines: line(`${d + 41}.00`), terms: NET_30, issueDate: addDays(today, -d - 30) });
    }
    const summary = await receivableSummary(db(), organizationId, { currency: null, buyerId: null }, today);
    const dollars = (cents: bigint) => Number(cents / 100n);
    expect(agingByCurrency(summary.byDueClass, today).buckets.map((bucket) => [bucket.bucket, dollars(bucket.byCurrency[0]?.amountMinor ?? 0n)])).toEqual([
      ["current", 41 + 1],
      ["1_30", 42 + 71],
      ["31_60", 72 + 101],
      ["61_90", 102 + 131],
      ["over_90", 132],
    ]);
    expect(agingByCurrency(summary.byDueClass, today)).toEqual(agingByCurrency(await openInstalments(organizationId), today));
    // Past due: 1 + 30 + 31 + 60 + 61 + 90 + 91 days over seven instalments.
    expect(summary.byBuyer).toEqual([{ buyerId: buyer.id, currency: "USD", outstandingMinor: 69_300n, pastDue: { instalments: 7, lateDays: 364 } }]);
  });

  it("filters by currency and buyer, and never shows another organization's figures", async () => {
    const { organizationId, today, beta } = await knownFactory();
    const other = await knownFactory();
    const euros = await factoryDashboard(organizationId, dashboardFilters({ from: "", to: "", currency: "EUR", buyer: "" }, today), today, { now });
    expect(euros.headline.openCnyMinor).toBe(240_000n);
    expect(euros.aging.currencies).toEqual(["EUR"]);
    const betaOnly = await factoryDashboard(organizationId, dashboardFilters({ from: "", to: "", currency: "", buyer: beta.id }, today), today, { now });
    expect(betaOnly.topBuyers.map((buyer) => buyer.buyerId)).toEqual([beta.id]);
    expect(betaOnly.collected.points.at(-1)!.amounts).toEqual({ EUR: 30_000n });
    expect(betaOnly.headline.dso.creditSalesCnyMinor).toBe(480_000n);

    // The other factory has the very same book: this one's figures are unchanged by it, and its buyer shows nothing here.
    const mine = await factoryDashboard(organizationId, noFilter(today), today, { now });
    expect(mine.headline.openCnyMinor).toBe(2_416_000n);
    expect(mine.headline.collectedThisMonth.cnyMinor).toBe(240_000n);
    expect(mine.topBuyers.map((buyer) => buyer.buyerId)).not.toContain(other.alpha.id);
    const theirBuyerHere = await factoryDashboard(organizationId, dashboardFilters({ from: "", to: "", currency: "", buyer: other.beta.id }, today), today, { now });
    expect(theirBuyerHere.headline.openCnyMinor).toBe(0n);
    expect(theirBuyerHere.topBuyers).toEqual([]);
    expect(theirBuyerHere.collected.keys).toEqual([]);
  });

  it("keeps the aggregates equal to a rebuild from the source tables through unmatching and voiding, and compaction changes no sum", async () => {
    const { organizationId, team } = await knownFactory();
    const [allocation] = await db()
      .select({ id: paymentAllocations.id })
      .from(paymentAllocations)
      .where(and(eq(paymentAllocations.organizationId, organizationId), eq(paymentAllocations.target, "invoice")))
      .limit(1);
    await db().transaction((tx) => reverseAllocation(tx, { allocationId: allocation!.id, organizationId, userId: team.finance.id }));
    const open = await db().select({ id: invoices.id }).from(invoices).where(and(eq(invoices.organizationId, organizationId), eq(invoices.status, "open"))).limit(1);
    await db().transaction((tx) => voidInvoice(tx, { organizationId, userId: team.owner.id }, open[0]!.id, "Cancelled order"));

    const maintained = await aggregates(organizationId);
    await compactDashboard();
    expect(await aggregates(organizationId)).toEqual(maintained);
    const [{ keys }] = (await db().execute<{ keys: number }>(sql`select count(distinct (buyer_id, currency, due_date))::int as keys from dashboard_receivables where organization_id = ${organizationId}`)) as unknown as [{ keys: number }];
    expect(await rowCount("dashboard_receivables", organizationId)).toBeLessThanOrEqual(keys);
    await rebuildDashboard(organizationId);
    expect(await aggregates(organizationId)).toEqual(maintained);
  });

  it("counts payments booked at the same moment for the same day and currency once each, without waiting on each other", async () => {
    const { organizationId, today, team } = await knownFactory();
    const before = (await factoryDashboard(organizationId, noFilter(today), today, { now })).headline.collectedThisMonth;
    await Promise.all(
      [11_000n, 22_000n, 33_000n].map((amountMinor) =>
        db().transaction((tx) => simulateIncomingTransfer(tx, { organizationId, currency: "USD", amountMinor, payerName: "UNKNOWN PAYER", remittanceText: "ADVANCE", bookingDate: today, createdBy: team.finance.id })),
      ),
    );
    const after = (await factoryDashboard(organizationId, noFilter(today), today, { now })).headline.collectedThisMonth;
    expect(after.byCurrency.find((entry) => entry.currency === "USD")?.amountMinor).toBe(66_000n);
    expect(after.cnyMinor - before.cnyMinor).toBe(422_400n);
  });

  it("gives staff the platform's volumes, verification queue, disputes per tier and fee revenue", async () => {
    const { today } = await knownFactory();
    const platform = await platformDashboard(today, { now });
    const [collected] = await db().execute<{ eur: string }>(sql`
      select coalesce(sum(amount_minor), 0)::text as eur from incoming_payments
       where currency = 'EUR' and match_status <> 'reversed' and booking_date between ${addDays(today, -29)}::date and ${today}::date`);
    expect(platform.volumes.find((row) => row.currency === "EUR")?.collectedMinor).toBe(BigInt(collected!.eur));
    expect(platform.kyb.find((row) => row.status === "approved")!.organizations).toBeGreaterThan(0);
    expect(platform.disputes.map((row) => row.tier)).toEqual(["L1", "L2", "L3"]);
    const [fees] = await db().execute<{ eur: string }>(sql`select balance_minor::text as eur from ledger_accounts where organization_id is null and kind = 'fee_revenue' and currency = 'EUR'`);
    expect(platform.fees.find((row) => row.currency === "EUR")?.totalMinor).toBe(BigInt(fees!.eur));
  });

  it("takes today in the organization's time zone for its month", async () => {
    const { organizationId } = await knownFactory();
    const [organization] = await db().select().from(organizations).where(eq(organizations.id, organizationId));
    const today = localDateOf(now, organization!.timezone);
    const dashboard = await factoryDashboard(organizationId, noFilter(today), today, { now });
    expect(dashboard.collected.months.at(-1)).toBe(today.slice(0, 7));
    expect(dashboard.collected.months).toHaveLength(12);
  });
});
