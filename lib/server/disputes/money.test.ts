import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { disputeEvents, disputes, journalEntries } from "@/db/schema";
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
import { allocateBatch } from "../collections/allocate-batch";
import { allocateToInvoice } from "../collections/allocations";
import { recordBankReceipt } from "../collections/receipts";
import { executeAction } from "../guard/execute-action";
import type { RequestContext } from "../guard/request-context";
import { verifyLedger } from "../ledger/verify";
import { claimDisputeAction } from "./agents";
import { decideDisputeAction } from "./decide";
import { lockAvailable } from "./money";
import { reserveDisputeShortfalls } from "./shortfall";
import { runDisputeTimers } from "./timers";

const ledgerIsSound = async () => expect((await verifyLedger(db())).failures).toEqual([]);

/** A bank payment received and left unapplied, for the test to allocate in its own transaction. */
async function receiveBankPayment(organizationId: string, amountMinor: bigint): Promise<string> {
  const { paymentId } = await db().transaction((tx) =>
    recordBankReceipt(tx, {
      organizationId,
      source: "bank_transfer",
      accountIdentifier: "GB33BUKB20201555555555",
      bankRef: randomUUID(),
      currency: "USD",
      amountMinor,
      bookingDate: "2026-11-20",
      valueDate: "2026-11-20",
      payerName: "BRIGHTSIDE HARDWARE LTD",
    }),
  );
  return paymentId;
}

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
    expect(await reloadDispute(opened.disputeId)).toMatchObject({ reservedMinor: 50_000n, reserveShortfallMinor: 0n, tier: "L1", status: "open" });
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

    // Another invoice of the organization is paid: the allocation itself gives the money to the oldest shortfall first.
    const { invoice: other } = await createTestInvoice(s.orgId, s.team.owner.id, s.buyer.id);
    const availableAfterFee = await payInvoiceByBank(s.orgId, other.id, 200_000n).then(() => usd(s.orgId, "available"));
    expect(await reloadDispute(first.disputeId)).toMatchObject({ reservedMinor: 80_000n, reserveShortfallMinor: 0n });
    expect(await reloadDispute(second.disputeId)).toMatchObject({ reservedMinor: 10_000n, reserveShortfallMinor: 0n });
    expect(await usd(s.orgId, "reserved")).toBe(90_000n);
    // The timer job finds nothing left to fill.
    expect((await runDisputeTimers()).filled).toBe(0);
    expect(await usd(s.orgId, "available")).toBe(availableAfterFee);
    const fills = await db().select().from(disputeEvents).where(and(eq(disputeEvents.disputeId, first.disputeId), eq(disputeEvents.kind, "shortfall_reserved")));
    expect(fills).toHaveLength(1);

    // Nothing more to fill: running again (as settlement or payouts would) posts nothing.
    expect(await db().transaction((tx) => reserveDisputeShortfalls(tx, s.orgId, "USD"))).toEqual([]);
    expect(await disputeEntryCount(first.disputeId)).toBe(2);
    await ledgerIsSound();
  });

  it("reserves the shortfall from the next bank allocation to an invoice, in its transaction, only what came in", async () => {
    const s = await paidInvoiceScenario(50_000n);
    await payout(db(), s.orgId, 45_000n);
    const available = await usd(s.orgId, "available");
    const opened = await openCaseAs(s.finance, openInput(s.org, s.invoice.id, { amount: "500.00" }));
    const { invoice: other } = await createTestInvoice(s.orgId, s.team.owner.id, s.buyer.id);
    const paymentId = await receiveBankPayment(s.orgId, 10_000n);
    // Inside the allocation's transaction: what became available (after the collection fee) is already reserved.
    const seen = await db().transaction(async (tx) => {
      const before = await lockAvailable(tx, s.orgId, "USD");
      await allocateToInvoice(tx, { paymentId, invoiceId: other.id, amountMinor: 10_000n, method: "manual" });
      return { before, dispute: await tx.select().from(disputes).where(eq(disputes.id, opened.disputeId)).then((rows) => rows[0]!) };
    });
    expect(seen.before).toBe(0n);
    const incoming = seen.dispute.reservedMinor - available;
    expect(incoming).toBeGreaterThan(0n);
    expect(incoming).toBeLessThan(10_000n);
    expect(seen.dispute.reserveShortfallMinor).toBe(50_000n - available - incoming);
    expect(await usd(s.orgId, "available")).toBe(0n);
    expect(await usd(s.orgId, "reserved")).toBe(available + incoming);
    const fills = await db().select().from(disputeEvents).where(and(eq(disputeEvents.disputeId, opened.disputeId), eq(disputeEvents.kind, "shortfall_reserved")));
    expect(fills).toHaveLength(1);
    expect(await db().transaction((tx) => reserveDisputeShortfalls(tx, s.orgId, "USD"))).toEqual([]);
    await ledgerIsSound();
  });

  it("reserves the shortfall from automatic matches too, once for the batch", async () => {
    const s = await paidInvoiceScenario(50_000n);
    await payout(db(), s.orgId, 45_000n);
    const available = await usd(s.orgId, "available");
    const opened = await openCaseAs(s.finance, openInput(s.org, s.invoice.id, { amount: "500.00" }));
    const { invoice: first } = await createTestInvoice(s.orgId, s.team.owner.id, s.buyer.id);
    const { invoice: second } = await createTestInvoice(s.orgId, s.team.owner.id, s.buyer.id);
    const payments = [await receiveBankPayment(s.orgId, 10_000n), await receiveBankPayment(s.orgId, 10_000n)];
    const outcome = await db().transaction((tx) =>
      allocateBatch(tx, s.orgId, [
        { paymentId: payments[0]!, invoiceId: first.id, amountMinor: 10_000n, method: "invoice_number" },
        { paymentId: payments[1]!, invoiceId: second.id, amountMinor: 10_000n, method: "invoice_number" },
      ]),
    );
    expect(outcome.applied).toHaveLength(2);
    expect(await usd(s.orgId, "available")).toBe(0n);
    const dispute = await reloadDispute(opened.disputeId);
    expect(dispute.reservedMinor).toBe(await usd(s.orgId, "reserved"));
    expect(dispute.reservedMinor - available).toBeGreaterThan(10_000n);
    expect(dispute.reserveShortfallMinor).toBe(50_000n - dispute.reservedMinor);
    const fills = await db().select().from(disputeEvents).where(and(eq(disputeEvents.disputeId, opened.disputeId), eq(disputeEvents.kind, "shortfall_reserved")));
    expect(fills).toHaveLength(1);
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
