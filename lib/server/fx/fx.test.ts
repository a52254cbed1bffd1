import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, feeSchedules, fxConversions, fxQuotes, journalEntries, kybApplications, memberships, tierLimits } from "@/db/schema";
import { STANDARD_FEE_SCHEDULE, toStoredFeeSchedule } from "@/lib/domain/fees";
import { createTeam, createUser, signedIn } from "@/tests/fixtures/people";
import { executeAction } from "../guard/execute-action";
import type { RequestContext } from "../guard/request-context";
import { getBalances } from "../ledger";
import { collect } from "@/tests/fixtures/ledger";
import { verifyLedger } from "../ledger/verify";
import { enterRateAction } from "./admin";
import { conversionsCsv, exportConversionsAction, listConversions } from "./history";
import { pricingOverview, setPricingAction } from "./pricing";
import { acceptQuoteAction, organizationQuote, requestQuoteAction } from "./quotes";
import { ecbObservations, loadRateBook, refreshDemoRates, storeObservations } from "./rates";

const HOUR = 3_600_000;

beforeAll(async () => {
  const asOf = new Date(Date.now() - HOUR);
  await storeObservations(db(), [
    { base: "EUR", quote: "USD", rate: "1.1580", asOf, source: "test" },
    { base: "EUR", quote: "CNY", rate: "8.2315", asOf, source: "test" },
    { base: "EUR", quote: "JPY", rate: "172.45", asOf, source: "test" },
    // Only an old rate for SGD: quotes into it are refused as stale.
    { base: "EUR", quote: "SGD", rate: "1.5045", asOf: new Date(Date.now() - 10 * 24 * HOUR), source: "test" },
  ]);
});

/** A team whose KYB is approved at `tier`, whose owner has 2FA checked just now, with USD in its balance. */
async function approvedTeam(options: { tier?: "standard" | "premium"; usdMinor?: bigint } = {}) {
  const team = await createTeam();
  await db().insert(kybApplications).values({ organizationId: team.organization.id, status: "approved", approvedTier: options.tier ?? "premium" });
  if (options.usdMinor !== 0n) await collect(team.organization.id, options.usdMinor ?? 1_000_000n, 0n, "USD");
  const owner = await signedIn(team.owner, { secondFactorAgoMs: 0 });
  return { ...team, org: team.organization.slug, ownerRequest: owner };
}

async function quote(request: RequestContext, org: string, input: Partial<Record<string, string>> = {}) {
  const result = await executeAction(requestQuoteAction, { org, sellCurrency: "USD", buyCurrency: "CNY", side: "sell", amount: "1,000.00", ...input }, request);
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return (result as { ok: true; data: { quoteId: string } }).data.quoteId;
}

const accept = (request: RequestContext, org: string, quoteId: string) => executeAction(acceptQuoteAction, { org, quoteId }, request);

async function entriesOf(organizationId: string): Promise<number> {
  const [row] = await db().select({ n: sql<number>`count(*)::int` }).from(journalEntries).where(eq(journalEntries.organizationId, organizationId));
  return row!.n;
}

async function balancesOf(organizationId: string) {
  return Object.fromEntries((await getBalances(db(), organizationId)).map((b) => [b.currency, b.availableMinor]));
}

describe("quotes and conversion", () => {
  it("prices a quote from the cross rate through EUR with the default spread, and converts it in one balanced entry", async () => {
    const team = await approvedTeam();
    const quoteId = await quote(team.ownerRequest, team.org);
    const stored = (await organizationQuote(team.organization.id, quoteId))!;
    expect(stored).toMatchObject({ mid: "7.10837651122625216", spreadBps: 50, customerRate: "7.07283462867", sellAmountMinor: 100_000n, feeMinor: 0n, buyAmountMinor: 707_283n, cnyEquivalentMinor: 710_838n });
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(30_000);

    const result = await accept(team.ownerRequest, team.org, quoteId);
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
    expect(await balancesOf(team.organization.id)).toEqual({ CNY: 707_283n, USD: 900_000n });
    const { rows } = await listConversions(team.organization.id, {});
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ sellCurrency: "USD", buyCurrency: "CNY", customerRate: "7.07283462867", spreadBps: 50 });
    const actions = (await db().select().from(auditLog).where(eq(auditLog.organizationId, team.organization.id))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["fx.requestQuote", "fx.acceptQuote"]));
  });

  it("converts one quote once when two requests accept it at the same moment", async () => {
    const team = await approvedTeam();
    const quoteId = await quote(team.ownerRequest, team.org);
    const second = await signedIn(team.owner, { secondFactorAgoMs: 0 });
    const results = await Promise.all([accept(team.ownerRequest, team.org, quoteId), accept(second, team.org, quoteId), accept(team.ownerRequest, team.org, quoteId)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => (r as { code: string }).code)).toEqual(["fx_quote_used", "fx_quote_used"]);
    expect(await db().select().from(fxConversions).where(eq(fxConversions.quoteId, quoteId))).toHaveLength(1);
    expect(await balancesOf(team.organization.id)).toEqual({ CNY: 707_283n, USD: 900_000n });
  });

  it("takes the buy side exactly, and charges the organization's fee on top, per amount tier", async () => {
    const team = await approvedTeam({ usdMinor: 100_000_000n });
    const admin = await createUser({ staffRole: "platform_admin", totp: true });
    const adminRequest = await signedIn(admin, { secondFactorAgoMs: 0 });
    const set = await executeAction(
      setPricingAction,
      { organizationId: team.organization.id, tiers: [{ from: "0", spreadBps: "40", feeBps: "10" }, { from: "100,000", spreadBps: "20", feeBps: "0" }, { from: "", spreadBps: "", feeBps: "" }] },
      adminRequest,
    );
    expect(set, JSON.stringify(set)).toMatchObject({ ok: true });
    const small = (await organizationQuote(team.organization.id, await quote(team.ownerRequest, team.org, { side: "buy", amount: "10000" })))!;
    expect(small).toMatchObject({ spreadBps: 40, feeBps: 10, buyAmountMinor: 1_000_000n });
    expect(small.feeMinor).toBe((small.sellAmountMinor * 10n + 5_000n) / 10_000n);
    expect(small.sellTotalMinor).toBe(small.sellAmountMinor + small.feeMinor);
    const large = (await organizationQuote(team.organization.id, await quote(team.ownerRequest, team.org, { amount: "20000" })))!;
    expect(large).toMatchObject({ spreadBps: 20, feeBps: 0, feeMinor: 0n });
    expect(await accept(team.ownerRequest, team.org, small.id)).toMatchObject({ ok: true });
    expect((await balancesOf(team.organization.id)).USD).toBe(100_000_000n - small.sellTotalMinor);

    const refused = await executeAction(setPricingAction, { organizationId: team.organization.id, tiers: [{ from: "5", spreadBps: "40", feeBps: "0" }] }, adminRequest);
    expect(refused).toMatchObject({ ok: false, code: "fx_pricing_first_tier_not_zero" });
    expect(await executeAction(setPricingAction, { organizationId: team.organization.id, tiers: [] }, team.ownerRequest)).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("shows on the pricing overview which organizations are priced by their own fee schedule, with no tiers of their own", async () => {
    const priced = await approvedTeam({ usdMinor: 0n });
    const scheduled = await approvedTeam({ usdMinor: 0n });
    const admin = await createUser({ staffRole: "platform_admin", totp: true });
    const adminRequest = await signedIn(admin, { secondFactorAgoMs: 0 });
    expect(await executeAction(setPricingAction, { organizationId: priced.organization.id, tiers: [{ from: "0", spreadBps: "35", feeBps: "5" }] }, adminRequest)).toMatchObject({ ok: true });
    expect(await executeAction(setPricingAction, { organizationId: scheduled.organization.id, tiers: [{ from: "0", spreadBps: "35", feeBps: "5" }] }, adminRequest)).toMatchObject({ ok: true });
    await db().insert(feeSchedules).values({
      organizationId: scheduled.organization.id,
      version: 1,
      effectiveFrom: STANDARD_FEE_SCHEDULE.effectiveFrom,
      schedule: toStoredFeeSchedule(STANDARD_FEE_SCHEDULE),
    });

    const overview = await pricingOverview();
    expect(overview.find((row) => row.id === priced.organization.id)).toMatchObject({ pricedBy: "custom", tiers: [{ fromCnyMinor: 0n, spreadBps: 35, feeBps: 5 }] });
    expect(overview.find((row) => row.id === scheduled.organization.id)).toMatchObject({ pricedBy: "feeSchedule", tiers: [] });
    const plain = await approvedTeam({ usdMinor: 0n });
    expect((await pricingOverview()).find((row) => row.id === plain.organization.id)).toMatchObject({ pricedBy: "default" });
    expect(await executeAction(setPricingAction, { organizationId: scheduled.organization.id, tiers: [{ from: "0", spreadBps: "20", feeBps: "0" }] }, adminRequest)).toMatchObject({
      ok: false,
      code: "fee_schedule_sets_fx_pricing",
    });
  });
});

describe("refusals: nothing is posted", () => {
  it("refuses an expired quote", async () => {
    const team = await approvedTeam();
    const quoteId = await quote(team.ownerRequest, team.org);
    await db().update(fxQuotes).set({ expiresAt: new Date(Date.now() - 1) }).where(eq(fxQuotes.id, quoteId));
    const before = await entriesOf(team.organization.id);
    expect(await accept(team.ownerRequest, team.org, quoteId)).toMatchObject({ ok: false, code: "fx_quote_expired" });
    expect(await entriesOf(team.organization.id)).toBe(before);
  });

  it("refuses insufficient funds", async () => {
    const team = await approvedTeam({ usdMinor: 50_000n });
    const quoteId = await quote(team.ownerRequest, team.org);
    expect(await accept(team.ownerRequest, team.org, quoteId)).toMatchObject({ ok: false, code: "insufficient_funds" });
    expect(await entriesOf(team.organization.id)).toBe(1);
    expect(await db().select().from(fxConversions).where(eq(fxConversions.organizationId, team.organization.id))).toEqual([]);
    expect((await organizationQuote(team.organization.id, quoteId))!.acceptedAt).toBeNull();
  });

  it("refuses past the member's single and daily limits, in CNY", async () => {
    const team = await approvedTeam();
    const first = await quote(team.ownerRequest, team.org);
    const second = await quote(team.ownerRequest, team.org);
    await db().update(memberships).set({ maxSingleMinor: 500_000n }).where(eq(memberships.id, team.ownerMembership.id));
    const refused = await accept(team.ownerRequest, team.org, first);
    expect(refused).toMatchObject({ ok: false, code: "fx_limit_member_single" });
    expect((refused as { message: string }).message).toContain("5,000.00");
    expect(await entriesOf(team.organization.id)).toBe(1);

    await db().update(memberships).set({ maxSingleMinor: null, dailyTotalMinor: 1_000_000n }).where(eq(memberships.id, team.ownerMembership.id));
    expect(await accept(team.ownerRequest, team.org, first)).toMatchObject({ ok: true });
    expect(await accept(team.ownerRequest, team.org, second)).toMatchObject({ ok: false, code: "fx_limit_member_daily" });
    expect(await entriesOf(team.organization.id)).toBe(2);
    // Refused up front, too, for a new quote.
    expect(await executeAction(requestQuoteAction, { org: team.org, sellCurrency: "USD", buyCurrency: "CNY", side: "sell", amount: "1000" }, team.ownerRequest)).toMatchObject({
      ok: false,
      code: "fx_limit_member_daily",
    });
  });

  it("refuses past the tier's daily conversion limit (standard: CNY 50,000)", async () => {
    const team = await approvedTeam({ tier: "standard" });
    const [row] = await db().select().from(tierLimits).where(eq(tierLimits.tier, "standard"));
    expect(row?.dailyConversionCnyMinor ?? 5_000_000n).toBe(5_000_000n);
    const first = await quote(team.ownerRequest, team.org, { amount: "4000" });
    const second = await quote(team.ownerRequest, team.org, { amount: "4000" });
    expect(await accept(team.ownerRequest, team.org, first)).toMatchObject({ ok: true });
    expect(await accept(team.ownerRequest, team.org, second)).toMatchObject({ ok: false, code: "fx_limit_tier_daily" });
    expect(await entriesOf(team.organization.id)).toBe(2);
  });

  it("refuses an organization whose KYB is not approved", async () => {
    const team = await createTeam();
    await collect(team.organization.id, 1_000_000n, 0n, "USD");
    const owner = await signedIn(team.owner, { secondFactorAgoMs: 0 });
    const input = { org: team.organization.slug, sellCurrency: "USD", buyCurrency: "CNY", side: "sell", amount: "100" };
    expect(await executeAction(requestQuoteAction, input, owner)).toMatchObject({ ok: false, code: "kyb_not_approved" });

    const approved = await approvedTeam();
    const quoteId = await quote(approved.ownerRequest, approved.org);
    await db().update(kybApplications).set({ status: "rejected" }).where(eq(kybApplications.organizationId, approved.organization.id));
    expect(await accept(approved.ownerRequest, approved.org, quoteId)).toMatchObject({ ok: false, code: "kyb_not_approved" });
    expect(await entriesOf(approved.organization.id)).toBe(1);
  });

  it("lets another organization neither see nor accept a quote", async () => {
    const team = await approvedTeam();
    const other = await approvedTeam();
    const quoteId = await quote(team.ownerRequest, team.org);
    expect(await organizationQuote(other.organization.id, quoteId)).toBeNull();
    expect(await accept(other.ownerRequest, other.org, quoteId)).toMatchObject({ ok: false, code: "not_found" });
    expect(await accept(other.ownerRequest, team.org, quoteId)).toMatchObject({ ok: false, code: "not_found" });
    expect(await entriesOf(other.organization.id)).toBe(1);
    expect(await entriesOf(team.organization.id)).toBe(1);
  });

  it("lets viewers read only, and needs a fresh second factor to convert", async () => {
    const team = await approvedTeam();
    const quoteId = await quote(team.ownerRequest, team.org);
    const viewer = await signedIn(team.viewer);
    expect(await executeAction(requestQuoteAction, { org: team.org, sellCurrency: "USD", buyCurrency: "CNY", side: "sell", amount: "1" }, viewer)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await accept(await signedIn(team.finance), team.org, quoteId)).toMatchObject({ ok: false, code: "mfa_enrollment_required" });
    expect(await accept(await signedIn(team.owner, { secondFactorAgoMs: 20 * 60_000 }), team.org, quoteId)).toMatchObject({ ok: false, code: "step_up_required" });
    expect(await executeAction(exportConversionsAction, { org: team.org }, viewer)).toMatchObject({ ok: true });
  });

  it("gives no quote on a stale or missing rate, and says why", async () => {
    const team = await approvedTeam();
    const stale = await executeAction(requestQuoteAction, { org: team.org, sellCurrency: "USD", buyCurrency: "SGD", side: "sell", amount: "100" }, team.ownerRequest);
    expect(stale).toMatchObject({ ok: false, code: "fx_rate_stale" });
    expect((stale as { message: string }).message).toContain("USD/SGD");
    expect(await executeAction(requestQuoteAction, { org: team.org, sellCurrency: "USD", buyCurrency: "KWD", side: "sell", amount: "100" }, team.ownerRequest)).toMatchObject({
      ok: false,
      code: "fx_rate_unavailable",
    });
    expect(await executeAction(requestQuoteAction, { org: team.org, sellCurrency: "USD", buyCurrency: "USD", side: "sell", amount: "100" }, team.ownerRequest)).toMatchObject({
      ok: false,
      code: "fx_same_currency",
    });
  });
});

describe("rates, history and the ledger", () => {
  it("imports ECB files idempotently, keeps history, and lets an admin enter a rate by hand (audited)", async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?><gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref"><Cube><Cube time='2020-01-02'><Cube currency='HKD' rate='8.7'/><Cube currency='ZZZ' rate='1'/></Cube><Cube time='2020-01-03'><Cube currency='HKD' rate='8.71'/></Cube></Cube></gesmes:Envelope>`;
    const observations = ecbObservations(xml);
    expect(observations).toHaveLength(2);
    expect(await storeObservations(db(), observations)).toBe(2);
    expect(await storeObservations(db(), observations)).toBe(0);
    expect((await loadRateBook(db())).resolve("EUR", "HKD")).toMatchObject({ mid: "8.71", source: "ecb" });
    expect((await loadRateBook(db(), new Date("2020-01-02T23:00:00Z"))).resolve("EUR", "HKD")).toMatchObject({ mid: "8.7" });

    const admin = await createUser({ staffRole: "platform_admin", totp: true });
    const request = await signedIn(admin, { secondFactorAgoMs: 0 });
    expect(await executeAction(enterRateAction, { base: "usd", quote: "HKD", rate: "7.7812" }, request)).toMatchObject({ ok: true });
    expect((await loadRateBook(db())).resolve("USD", "HKD")).toMatchObject({ mid: "7.7812", source: "manual", via: "direct" });
    expect((await loadRateBook(db())).resolve("HKD", "USD")!.via).toBe("inverse");
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.action, "fx.enterRate"), eq(auditLog.actorUserId, admin.id)));
    expect(audit?.summary).toMatchObject({ base: "USD", quote: "HKD", rate: "7.7812" });
    expect(await executeAction(enterRateAction, { base: "USD", quote: "HKD", rate: "-1" }, request)).toMatchObject({ ok: false, code: "fx_rate_invalid" });
    const reviewer = await createUser({ staffRole: "kyc_reviewer", totp: true });
    expect(await executeAction(enterRateAction, { base: "USD", quote: "HKD", rate: "7.8" }, await signedIn(reviewer, { secondFactorAgoMs: 0 }))).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("re-dates demo-snapshot rates once they are an hour old, and only those", async () => {
    const now = new Date();
    expect(await refreshDemoRates(db(), now)).toBe(0);
    await storeObservations(db(), [{ base: "EUR", quote: "THB", rate: "37.52", asOf: new Date(now.getTime() - 2 * HOUR), source: "demo-snapshot" }]);
    expect(await refreshDemoRates(db(), now)).toBe(1);
    expect(await refreshDemoRates(db(), now)).toBe(0);
    expect((await loadRateBook(db())).resolve("EUR", "THB")!.asOf).toEqual(now);
  });

  it("exports the conversion history as CSV, and the ledger's invariants hold after all these conversions", async () => {
    const team = await approvedTeam();
    const quoteId = await quote(team.ownerRequest, team.org, { buyCurrency: "JPY", amount: "123.45" });
    expect(await accept(team.ownerRequest, team.org, quoteId)).toMatchObject({ ok: true });
    const exported = await executeAction(exportConversionsAction, { org: team.org, currency: "jpy" }, team.ownerRequest);
    expect(exported.ok).toBe(true);
    if (!exported.ok) return;
    let csv = "";
    for await (const chunk of conversionsCsv(exported.data.organizationId, exported.data.filter)) csv += chunk;
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toContain("customer_rate");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("123.45");
    expect(lines[1]).toContain(",JPY,");

    const report = await verifyLedger(db());
    expect(report.failures).toEqual([]);
  });
});
