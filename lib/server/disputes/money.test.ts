import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { disputeEvents, journalEntries } from "@/db/schema";
import {
  disputeEntryCount,
  disputeStaffRequests,
  openCaseAs,
  openInput,
  paidInvoiceScenario,
  payInvoiceByBank,
  reloadDispute,
  usd,
} from "@/tests/fixtures/disputes";
import { createTestInvoice } from "@/tests/fixtures/invoices";
import { accountBalance, payout, platform } from "@/tests/fixtures/ledger";
import { executeAction } from "../guard/execute-action";
import type { RequestContext } from "../guard/request-context";
import { verifyLedger } from "../ledger/verify";
import { claimDisputeAction } from "./agents";
import { decideDisputeAction } from "./decide";
import { reserveDisputeShortfalls } from "./shortfall";
import { runDisputeTimers } from "./timers";

const ledgerIsSound = async () => expect((await verifyLedger(db())).failures).toEqual([]);

async function decide(agent: RequestContext, disputeId: string, change: Record<string, unknown>) {
  return executeAction(decideDisputeAction, { disputeId, outcome: "won", note: "Inspection report shows the goods matched the contract.", ...change }, agent);
}

async function claimed(agent: RequestContext, disputeId: string) {
  expect(await executeAction(claimDisputeAction, { disputeId }, agent)).toMatchObject({ ok: true, data: { status: "in_progress" } });
}

describe("money held while a case is open", () => {
  it("moves the disputed amount from available to reserved on opening and back when the factory wins, balanced at every step", async () => {
    const s = await paidInvoiceScenario(300_000n);
    const { agent } = await disputeStaffRequests();
    const availableBefore = await usd(s.orgId, "available");

    const opened = await openCaseAs(s.finance, openInput(s.org, s.invoice.id, { amount: "500.00" }));
    expect(await usd(s.orgId, "available")).toBe(availableBefore - 50_000n);
    expect(await usd(s.orgId, "reserved")).toBe(50_000n);
    expect(await reloadDispute(opened.disputeId)).toMatchObject({ reservedMinor: 50_000n, reserveShortfallMinor: 0n, tier: "L2", status: "open" });
    const [reserve] = await db().select().from(journalEntries).where(and(eq(journalEntries.causeType, "dispute"), eq(journalEntries.causeId, opened.disputeId)));
    expect(reserve).toMatchObject({ type: "dispute_reserve", idempotencyKey: `dispute:${opened.disputeId}:reserve:50000` });
    await ledgerIsSound();

    await claimed(agent, opened.disputeId);
    expect(await decide(agent, opened.disputeId, { outcome: "won" })).toMatchObject({ ok: true, data: { status: "resolved", buyerShareMinor: 0n, factoryShareMinor: 50_000n } });
    expect(await usd(s.orgId, "available")).toBe(availableBefore);
    expect(await usd(s.orgId, "reserved")).toBe(0n);
    await ledgerIsSound();
  });

  it("refunds a lost bank-paid case through payout clearing and splits a partial one to the cent", async () => {
    const s = await paidInvoiceScenario(300_000n);
    const { agent } = await disputeStaffRequests();
    const availableBefore = await usd(s.orgId, "available");
    const payoutBefore = await accountBalance(platform("payout_clearing"));

    const lost = await openCaseAs(s.finance, openInput(s.org, s.invoice.id, { amount: "400.00" }));
    const partial = await openCaseAs(s.finance, openInput(s.org, s.invoice.id, { amount: "1000.00", category: "short_shipment" }));
    await claimed(agent, lost.disputeId);
    await claimed(agent, partial.disputeId);
    expect(await decide(agent, lost.disputeId, { outcome: "lost", rootCause: "quality" })).toMatchObject({ ok: true, data: { status: "closed", buyerShareMinor: 40_000n } });
    expect(await decide(agent, partial.disputeId, { outcome: "partial", buyerShare: "333.33" })).toMatchObject({
      ok: true,
      data: { status: "resolved", buyerShareMinor: 33_333n, factoryShareMinor: 66_667n },
    });

    expect(await usd(s.orgId, "reserved")).toBe(0n);
    expect(await usd(s.orgId, "available")).toBe(availableBefore - 40_000n - 33_333n);
    expect(await accountBalance(platform("payout_clearing"))).toBe(payoutBefore + 73_333n);
    expect(await reloadDispute(partial.disputeId)).toMatchObject({ outcome: "partial", buyerShareMinor: 33_333n, factoryShareMinor: 66_667n, reservedMinor: 0n });
    await ledgerIsSound();
  });

  it("reserves what is available, records the shortfall and fills it from incoming funds before anything else, oldest case first", async () => {
    const s = await paidInvoiceScenario(100_000n);
    await payout(db(), s.orgId, 60_000n);
    const available = await usd(s.orgId, "available");
    const first = await openCaseAs(s.finance, openInput(s.org, s.invoice.id, { amount: "800.00" }));
    expect(await reloadDispute(first.disputeId)).toMatchObject({ reservedMinor: available, reserveShortfallMinor: 80_000n - available });
    expect(await usd(s.orgId, "available")).toBe(0n);
    const second = await openCaseAs(s.finance, openInput(s.org, s.invoice.id, { amount: "100.00", category: "late_delivery" }));
    expect(await reloadDispute(second.disputeId)).toMatchObject({ reservedMinor: 0n, reserveShortfallMinor: 10_000n });
    await ledgerIsSound();

    // Another invoice of the organization is paid: the money goes to the oldest shortfall first.
    const { invoice: other } = await createTestInvoice(s.orgId, s.team.owner.id, s.buyer.id);
    await payInvoiceByBank(s.orgId, other.id, 200_000n);
    const incoming = await usd(s.orgId, "available");
    const run = await runDisputeTimers();
    expect(run.filled).toBeGreaterThanOrEqual(2);
    expect(await reloadDispute(first.disputeId)).toMatchObject({ reservedMinor: 80_000n, reserveShortfallMinor: 0n });
    expect(await reloadDispute(second.disputeId)).toMatchObject({ reservedMinor: 10_000n, reserveShortfallMinor: 0n });
    expect(await usd(s.orgId, "available")).toBe(incoming - (80_000n - available) - 10_000n);
    expect(await usd(s.orgId, "reserved")).toBe(90_000n);
    const fills = await db().select().from(disputeEvents).where(and(eq(disputeEvents.disputeId, first.disputeId), eq(disputeEvents.kind, "shortfall_reserved")));
    expect(fills).toHaveLength(1);

    // Nothing more to fill: running again (as settlement or payouts would) posts nothing.
    expect(await db().transaction((tx) => reserveDisputeShortfalls(tx, s.orgId, "USD"))).toEqual([]);
    expect(await disputeEntryCount(first.disputeId)).toBe(2);
    await ledgerIsSound();
  });

  it("fills only what came in when incoming funds are short of the shortfall", async () => {
    const s = await paidInvoiceScenario(50_000n);
    await payout(db(), s.orgId, 45_000n);
    const available = await usd(s.orgId, "available");
    const opened = await openCaseAs(s.finance, openInput(s.org, s.invoice.id, { amount: "500.00" }));
    const { invoice: other } = await createTestInvoice(s.orgId, s.team.owner.id, s.buyer.id);
    await payInvoiceByBank(s.orgId, other.id, 10_000n);
    const incoming = await usd(s.orgId, "available");
    const fills = await db().transaction((tx) => reserveDisputeShortfalls(tx, s.orgId, "USD"));
    expect(fills).toEqual([{ disputeId: opened.disputeId, reservedMinor: incoming, remainingShortfallMinor: 50_000n - available - incoming }]);
    expect(await usd(s.orgId, "available")).toBe(0n);
    await ledgerIsSound();
  });

  it("refuses a loss that neither the reserve nor available can cover, and releases the partial reserve when the factory wins", async () => {
    const s = await paidInvoiceScenario(100_000n);
    const { agent } = await disputeStaffRequests();
    await payout(db(), s.orgId, 50_000n);
    const opened = await openCaseAs(s.finance, openInput(s.org, s.invoice.id, { amount: "1000.00" }));
    const before = await reloadDispute(opened.disputeId);
    expect(before.reserveShortfallMinor).toBeGreaterThan(0n);
    await claimed(agent, opened.disputeId);
    expect(await decide(agent, opened.disputeId, { outcome: "lost" })).toMatchObject({ ok: false, code: "dispute_insufficient_available" });
    expect(await disputeEntryCount(opened.disputeId)).toBe(1);
    expect((await reloadDispute(opened.disputeId)).status).toBe("in_progress");

    // Won instead: the reserve held so far is released whole; the shortfall is simply dropped.
    expect(await decide(agent, opened.disputeId, { outcome: "won" })).toMatchObject({ ok: true });
    expect(await usd(s.orgId, "reserved")).toBe(0n);
    expect(await usd(s.orgId, "available")).toBe(before.reservedMinor);
    await ledgerIsSound();
  });

  it("posts one decision when two agents decide the same case at the same moment", async () => {
    const s = await paidInvoiceScenario(300_000n);
    const { agent, admin } = await disputeStaffRequests();
    const opened = await openCaseAs(s.finance, openInput(s.org, s.invoice.id, { amount: "500.00" }));
    await claimed(agent, opened.disputeId);
    const results = await Promise.all([
      decide(agent, opened.disputeId, { outcome: "lost" }),
      decide(admin, opened.disputeId, { outcome: "won" }),
      decide(agent, opened.disputeId, { outcome: "partial", buyerShare: "100" }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok).map((result) => (result as { code: string }).code)).toEqual(["dispute_case_decided", "dispute_case_decided"]);
    const decisions = await db().select().from(journalEntries).where(and(eq(journalEntries.causeId, opened.disputeId), eq(journalEntries.type, "dispute_decision")));
    expect(decisions).toHaveLength(1);
    expect(await usd(s.orgId, "reserved")).toBe(0n);
    await ledgerIsSound();
  });

  it("refuses a partial outcome without a share strictly below the disputed amount, writing nothing", async () => {
    const s = await paidInvoiceScenario(300_000n);
    const { agent } = await disputeStaffRequests();
    const opened = await openCaseAs(s.finance, openInput(s.org, s.invoice.id, { amount: "500.00" }));
    await claimed(agent, opened.disputeId);
    expect(await decide(agent, opened.disputeId, { outcome: "partial" })).toMatchObject({ ok: false, code: "dispute_buyer_share_required" });
    expect(await decide(agent, opened.disputeId, { outcome: "partial", buyerShare: "500.00" })).toMatchObject({ ok: false, code: "dispute_buyer_share_too_large" });
    expect(await decide(agent, opened.disputeId, { outcome: "partial", buyerShare: "0" })).toMatchObject({ ok: false, code: "amount_zero_not_allowed" });
    expect(await disputeEntryCount(opened.disputeId)).toBe(1);
    expect(await reloadDispute(opened.disputeId)).toMatchObject({ status: "in_progress", reservedMinor: 50_000n, outcome: null });
  });
});
