import { randomBytes, randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, buyers, exposureSettings, invoiceInstalments, invoices } from "@/db/schema";
import { collect, org, platform } from "@/tests/fixtures/ledger";
import { createTeam, signedIn } from "@/tests/fixtures/people";
import { executeAction } from "../guard/execute-action";
import { postEntry } from "../ledger/post";
import { storeObservations } from "../fx/rates";
import { organizationExposure } from "./queries";
import { saveExposureSettingsAction } from "./settings";

const HOUR = 3_600_000;
const NOW = new Date();

beforeAll(async () => {
  const asOf = new Date(NOW.getTime() - HOUR);
  await storeObservations(db(), [
    { base: "EUR", quote: "USD", rate: "1.25", asOf, source: "test" },
    { base: "EUR", quote: "CNY", rate: "9", asOf, source: "test" },
    { base: "EUR", quote: "JPY", rate: "180", asOf, source: "test" },
    // Only an old rate for SGD: its amounts are reported as unpriced.
    { base: "EUR", quote: "SGD", rate: "1.5", asOf: new Date(NOW.getTime() - 10 * 24 * HOUR), source: "test" },
  ]);
});

const isoDay = (offsetDays: number) => new Date(NOW.getTime() + offsetDays * 24 * HOUR).toISOString().slice(0, 10);

type InvoiceStatus = (typeof invoices.$inferInsert)["status"];
type Instalment = { amountMinor: bigint; paidMinor?: bigint; dueDate: string | null; status?: (typeof invoiceInstalments.$inferInsert)["status"] };

/** An invoice of `organizationId` with its instalments, written straight to the tables as the invoice feature would. */
async function invoice(organizationId: string, currency: string, status: InvoiceStatus, instalments: Instalment[]) {
  const [buyer] = await db()
    .insert(buyers)
    .values({ organizationId, name: `Harbor Tools ${randomUUID().slice(0, 8)}`, country: "US", defaultCurrency: currency, defaultTerms: {} })
    .returning();
  const total = instalments.reduce((sum, i) => sum + i.amountMinor, 0n);
  const paid = instalments.reduce((sum, i) => sum + (i.paidMinor ?? 0n), 0n);
  const issued = status !== "draft";
  const [row] = await db()
    .insert(invoices)
    .values({
      organizationId,
      buyerId: buyer!.id,
      number: issued ? `INV-2026-${randomUUID().slice(0, 6)}` : null,
      rfReference: issued ? `RF${randomBytes(8).toString("hex").toUpperCase()}` : null,
      payToken: issued ? randomBytes(32).toString("base64url") : null,
      currency,
      status,
      issueDate: isoDay(-40),
      terms: {},
      subtotalMinor: total,
      totalMinor: total,
      paidMinor: paid,
    })
    .returning();
  await db()
    .insert(invoiceInstalments)
    .values(
      instalments.map((i, index) => ({
        invoiceId: row!.id,
        organizationId,
        position: index + 1,
        label: instalments.length === 1 ? "full" : index === 0 ? "deposit" : "balance",
        shareBps: Number((i.amountMinor * 10_000n) / (total || 1n)),
        amountMinor: i.amountMinor,
        paidMinor: i.paidMinor ?? 0n,
        dueRule: { anchor: i.dueDate === null ? ("bill_of_lading" as const) : ("issue" as const), days: 30 },
        dueDate: i.dueDate,
        status: i.status ?? "open",
      })),
    );
  return row!;
}

/** A part payment of an instalment, as an allocation would record it. */
async function payPart(invoiceId: string, position: number, amountMinor: bigint) {
  await db().transaction(async (tx) => {
    const [instalment] = await tx
      .select()
      .from(invoiceInstalments)
      .where(and(eq(invoiceInstalments.invoiceId, invoiceId), eq(invoiceInstalments.position, position)));
    await tx
      .update(invoiceInstalments)
      .set({ paidMinor: instalment!.paidMinor + amountMinor, status: "partially_paid" })
      .where(eq(invoiceInstalments.id, instalment!.id));
    const [current] = await tx.select().from(invoices).where(eq(invoices.id, invoiceId));
    await tx.update(invoices).set({ paidMinor: current!.paidMinor + amountMinor, status: "partially_paid" }).where(eq(invoices.id, invoiceId));
  });
}

describe("the exposure of an organization", () => {
  it("counts what open instalments still owe, by currency and due month, and every balance kind", async () => {
    const team = await createTeam();
    const id = team.organization.id;
    const order = await invoice(id, "USD", "open", [
      { amountMinor: 3_000_00n, dueDate: isoDay(-5) },
      { amountMinor: 7_000_00n, dueDate: null },
    ]);
    await invoice(id, "JPY", "open", [{ amountMinor: 1_500_000n, dueDate: isoDay(40) }]);
    await invoice(id, "SGD", "open", [{ amountMinor: 800_00n, dueDate: isoDay(40) }]);
    await invoice(id, "CNY", "open", [{ amountMinor: 50_000_00n, dueDate: isoDay(40) }]);
    // Owe nothing: a draft, a paid and a void invoice, and the paid deposit of an open one.
    await invoice(id, "USD", "draft", [{ amountMinor: 99_000_00n, dueDate: isoDay(10) }]);
    await invoice(id, "USD", "paid", [{ amountMinor: 98_000_00n, paidMinor: 98_000_00n, dueDate: isoDay(-10), status: "paid" }]);
    await invoice(id, "USD", "void", [{ amountMinor: 97_000_00n, dueDate: isoDay(10), status: "void" }]);
    await invoice(id, "USD", "partially_paid", [
      { amountMinor: 1_200_00n, paidMinor: 1_200_00n, dueDate: isoDay(-20), status: "paid" },
      { amountMinor: 2_800_00n, dueDate: null },
    ]);
    // Another organization's invoice is never counted.
    const other = await createTeam();
    await invoice(other.organization.id, "USD", "open", [{ amountMinor: 55_555_00n, dueDate: isoDay(10) }]);

    await collect(id, 500_00n, 0n, "USD");
    await postEntry(db(), {
      organizationId: id,
      idempotencyKey: randomUUID(),
      type: "bank_receipt",
      description: "Unmatched USD receipt",
      lines: [
        { account: platform("bank_clearing", "USD"), amountMinor: -250_00n },
        { account: org(id, "unapplied", "USD"), amountMinor: 250_00n },
      ],
    });

    const before = await organizationExposure(team.organization, { now: NOW });
    const usdBefore = before.exposure.currencies.find((row) => row.currency === "USD")!;
    expect(usdBefore.receivablesMinor).toBe(3_000_00n + 7_000_00n + 2_800_00n);

    await payPart(order.id, 1, 1_000_00n);
    const { exposure, sensitivity, today } = await organizationExposure(team.organization, { now: NOW });
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const usd = exposure.currencies.find((row) => row.currency === "USD")!;
    // 1 USD = 9 / 1.25 = 7.2 CNY
    expect(usd).toMatchObject({ receivablesMinor: 11_800_00n, balancesMinor: 750_00n, totalMinor: 12_550_00n, rate: { status: "fresh", mid: "7.2" } });
    expect(usd.cny).toEqual({ receivablesMinor: 84_960_00n, balancesMinor: 5_400_00n, totalMinor: 90_360_00n });
    const jpy = exposure.currencies.find((row) => row.currency === "JPY")!;
    // 1 JPY = 0.05 CNY: 1,500,000 yen = 75,000.00 CNY
    expect(jpy.cny).toEqual({ receivablesMinor: 75_000_00n, balancesMinor: 0n, totalMinor: 75_000_00n });
    expect(exposure.unpriced).toEqual(["SGD"]);
    expect(exposure.currencies.find((row) => row.currency === "SGD")).toMatchObject({ receivablesMinor: 800_00n, rate: { status: "stale" }, cny: null });
    expect(exposure.home).toEqual({ receivablesMinor: 50_000_00n, balancesMinor: 0n });
    expect(exposure.totals).toEqual({ receivablesMinor: 159_960_00n, balancesMinor: 5_400_00n, totalMinor: 165_360_00n });

    const buckets = Object.fromEntries(exposure.dueBuckets.map((b) => [b.key, b.byCurrency.map((c) => `${c.currency} ${c.amountMinor}`)]));
    expect(buckets.overdue).toEqual(["USD 200000"]);
    expect(buckets.no_date).toEqual(["USD 980000"]);
    expect(buckets[isoDay(40).slice(0, 7)]).toEqual(["JPY 1500000", "SGD 80000"]);

    expect(sensitivity.currencies.map((row) => row.currency).sort()).toEqual(["JPY", "USD"]);
    expect(sensitivity.total.find((o) => o.movePercent === 0)!.proceedsMinor).toBe(159_960_00n);
    expect(sensitivity.total.find((o) => o.movePercent === 3)!.proceedsMinor).toBe(155_161_20n);
    expect(sensitivity.total.every((o) => o.marginPercent === null)).toBe(true);
  });
});

describe("exposure settings", () => {
  const save = (request: Awaited<ReturnType<typeof signedIn>>, input: Record<string, string>) => executeAction(saveExposureSettingsAction, input, request);
  const storedFor = async (organizationId: string) => (await db().select().from(exposureSettings).where(eq(exposureSettings.organizationId, organizationId)))[0];

  it("lets finance set a target margin, audited, and the margins under each move follow it", async () => {
    const team = await createTeam();
    await invoice(team.organization.id, "USD", "open", [{ amountMinor: 100_000_00n, dueDate: isoDay(30) }]);
    const finance = await signedIn(team.finance);
    const result = await save(finance, { org: team.organization.slug, basis: "target_margin", targetMargin: "5" });
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true, data: { targetMarginBps: 500, costBaseCny: null } });
    expect(await storedFor(team.organization.id)).toMatchObject({ targetMarginBps: 500, costBaseCnyMinor: null, updatedBy: team.finance.id });
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.organizationId, team.organization.id), eq(auditLog.action, "exposure.saveSettings")));
    expect(audit).toMatchObject({ actorUserId: team.finance.id, summary: { from: { basis: "none" }, to: { targetMarginPercent: "5" } } });

    const { sensitivity, basis } = await organizationExposure(team.organization, { now: NOW });
    expect(basis).toEqual({ kind: "target_margin", bps: 500 });
    expect(sensitivity.total.find((o) => o.movePercent === 3)!.marginPercent).toBe("2.06");

    const owner = await signedIn(team.owner);
    expect(await save(owner, { org: team.organization.slug, basis: "cost_base", costBase: "650,000.00" })).toMatchObject({ ok: true });
    expect(await storedFor(team.organization.id)).toMatchObject({ targetMarginBps: null, costBaseCnyMinor: 650_000_00n });
    const withCost = await organizationExposure(team.organization, { now: NOW });
    // 720,000 CNY today against a cost of 650,000: 9.72 %
    expect(withCost.sensitivity.total.find((o) => o.movePercent === 0)!.marginPercent).toBe("9.72");
  });

  it("refuses a viewer, another organization's member and bad input, writing nothing", async () => {
    const team = await createTeam();
    const finance = await signedIn(team.finance);
    expect(await save(finance, { org: team.organization.slug, basis: "target_margin", targetMargin: "4" })).toMatchObject({ ok: true });
    const auditsBefore = (await db().select().from(auditLog).where(eq(auditLog.organizationId, team.organization.id))).length;

    const viewer = await signedIn(team.viewer);
    expect(await save(viewer, { org: team.organization.slug, basis: "target_margin", targetMargin: "5" })).toMatchObject({ ok: false, code: "forbidden" });
    const stranger = await createTeam();
    const strangerFinance = await signedIn(stranger.finance);
    expect(await save(strangerFinance, { org: team.organization.slug, basis: "target_margin", targetMargin: "5" })).toMatchObject({ ok: false, code: "not_found" });

    const tooHigh = await save(finance, { org: team.organization.slug, basis: "target_margin", targetMargin: "150" });
    expect(tooHigh).toMatchObject({ ok: false, code: "exposure_margin_out_of_range" });
    expect((tooHigh as { message: string }).message).toContain("100 %");
    expect(await save(finance, { org: team.organization.slug, basis: "target_margin", targetMargin: "5.125" })).toMatchObject({ ok: false, code: "exposure_margin_too_precise" });
    expect(await save(finance, { org: team.organization.slug, basis: "cost_base", costBase: "a lot" })).toMatchObject({ ok: false, code: "amount_not_a_number" });
    expect(await save(finance, { org: team.organization.slug, basis: "cost_base", costBase: "0" })).toMatchObject({ ok: false, code: "amount_zero_not_allowed" });
    expect(await save(finance, { org: team.organization.slug, basis: "maybe" })).toMatchObject({ ok: false, code: "invalid_input" });

    expect(await storedFor(team.organization.id)).toMatchObject({ targetMarginBps: 400, costBaseCnyMinor: null });
    expect(await storedFor(stranger.organization.id)).toBeUndefined();
    expect((await db().select().from(auditLog).where(eq(auditLog.organizationId, team.organization.id))).length).toBe(auditsBefore);
  });
});
