import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, disputeEvents } from "@/db/schema";
import { disputeStaffRequests, openCaseAs, openInput, paidInvoiceScenario, payInvoiceByBank, reloadDispute } from "@/tests/fixtures/disputes";
import { createTestInvoice } from "@/tests/fixtures/invoices";
import { advanceClock, now, parseClockDuration, resetClock } from "../clock";
import { executeAction } from "../guard/execute-action";
import { escalateDisputeAction } from "./agents";
import { agentMessageAction } from "./messages";
import { disputeQueue } from "./queries";
import { currentDisputeSettings, updateDisputeSettingsAction } from "./settings";
import { runDisputeTimers } from "./timers";

const HOUR = 3_600_000;

beforeAll(() => {
  process.env.ALLOW_TEST_CLOCK = "1";
});
afterEach(() => resetClock());
afterAll(() => {
  delete process.env.ALLOW_TEST_CLOCK;
});

const eventsOf = (disputeId: string, kind: string) => db().select().from(disputeEvents).where(and(eq(disputeEvents.disputeId, disputeId), eq(disputeEvents.kind, kind)));

describe("the test clock", () => {
  it("runs ahead by the offset only where ALLOW_TEST_CLOCK=1, and parses durations", async () => {
    await advanceClock(25 * HOUR);
    expect((await now()).getTime() - Date.now()).toBeGreaterThan(25 * HOUR - 1_000);
    delete process.env.ALLOW_TEST_CLOCK;
    expect(Math.abs((await now()).getTime() - Date.now())).toBeLessThan(1_000);
    process.env.ALLOW_TEST_CLOCK = "1";
    await resetClock();
    expect(Math.abs((await now()).getTime() - Date.now())).toBeLessThan(1_000);
    expect(parseClockDuration("25h")).toBe(25 * HOUR);
    expect(parseClockDuration("1d2h30m")).toBe(26.5 * HOUR);
    expect(parseClockDuration("90s")).toBe(90_000);
    expect(parseClockDuration("-5h")).toBeNull();
    expect(parseClockDuration("soon")).toBeNull();
    await expect(advanceClock(-1)).rejects.toThrow(RangeError);
  });
});

describe("service levels on the platform clock", () => {
  it("leave an L1 case alone for 24 hours, then flag both breaches and escalate it to L2 once", async () => {
    const s = await paidInvoiceScenario();
    const opened = await openCaseAs(s.owner, { ...openInput(s.org, s.invoice.id), category: "duplicate_payment", invoiceId: undefined, paymentId: s.paymentId });
    const start = await reloadDispute(opened.disputeId);
    expect(start).toMatchObject({ tier: "L1", breachCount: 0 });
    expect(start.nextDueAt!.getTime() - start.openedAt.getTime()).toBe(24 * HOUR);

    await advanceClock(23 * HOUR);
    await runDisputeTimers();
    expect(await reloadDispute(opened.disputeId)).toMatchObject({ tier: "L1", breachCount: 0, breachedAt: null });

    await advanceClock(2 * HOUR);
    const { rows: breachedQueue } = await disputeQueue({ viewerId: s.team.owner.id, breached: true, organizationId: s.orgId });
    expect(breachedQueue.map((row) => [row.id, row.breachedNow])).toEqual([[opened.disputeId, true]]);
    await runDisputeTimers();
    const escalated = await reloadDispute(opened.disputeId);
    expect(escalated).toMatchObject({ tier: "L2", breachCount: 2, firstResponseBreached: false, resolutionBreached: false, escalationReason: "service_level_breached" });
    expect(escalated.breachedAt).not.toBeNull();
    expect(escalated.nextDueAt!.getTime() - escalated.tierEnteredAt.getTime()).toBe(48 * HOUR);
    expect((await eventsOf(opened.disputeId, "breached")).map((event) => event.details.deadline)).toEqual(["first_response", "resolution"]);
    const [escalation] = await eventsOf(opened.disputeId, "escalated");
    expect(escalation).toMatchObject({ actorKind: "system", fromTier: "L1", toTier: "L2", details: { automatic: true } });
    expect(await db().select().from(auditLog).where(and(eq(auditLog.target, `dispute:${opened.disputeId}`), eq(auditLog.action, "disputes.timers")))).toEqual([
      expect.objectContaining({ actorUserId: null, organizationId: s.orgId, summary: expect.objectContaining({ breaches: 2, tier: { from: "L1", to: "L2" } }) }),
    ]);

    // Flagged once, escalated once: another run changes nothing; the queue still shows the case as breached.
    await runDisputeTimers();
    expect(await reloadDispute(opened.disputeId)).toMatchObject({ tier: "L2", breachCount: 2 });
    expect((await disputeQueue({ viewerId: s.team.owner.id, breached: true, organizationId: s.orgId })).rows.map((row) => [row.everBreached, row.breachedNow])).toEqual([[true, false]]);
  });

  it("count only the resolution when an agent answered in time, and move a claim left unanswered to L2 after 24 hours and to L3 after 48 more", async () => {
    const s = await paidInvoiceScenario();
    const { agent } = await disputeStaffRequests();
    const duplicate = await openCaseAs(s.owner, { ...openInput(s.org, s.invoice.id), category: "duplicate_payment", invoiceId: undefined, paymentId: s.paymentId });
    const claim = await openCaseAs(s.owner, openInput(s.org, s.invoice.id));
    expect(await reloadDispute(claim.disputeId)).toMatchObject({ category: "quality_claim", tier: "L1" });
    await advanceClock(HOUR);
    expect(await executeAction(agentMessageAction, { disputeId: duplicate.disputeId, body: "We are looking into the duplicate." }, agent)).toMatchObject({ ok: true });
    await advanceClock(24 * HOUR);
    await runDisputeTimers();
    expect(await reloadDispute(duplicate.disputeId)).toMatchObject({ tier: "L2", breachCount: 1 });
    const escalated = await reloadDispute(claim.disputeId);
    expect(escalated).toMatchObject({ tier: "L2", breachCount: 2 });
    expect(escalated.nextDueAt!.getTime() - escalated.tierEnteredAt.getTime()).toBe(48 * HOUR);
    await advanceClock(47 * HOUR);
    await runDisputeTimers();
    expect(await reloadDispute(claim.disputeId)).toMatchObject({ tier: "L2", breachCount: 2 });
    await advanceClock(2 * HOUR);
    await runDisputeTimers();
    expect(await reloadDispute(claim.disputeId)).toMatchObject({ tier: "L3", breachCount: 3, nextDueAt: null });
  });

  it("order the queue by the nearest deadline, cases without a timer last", async () => {
    const s = await paidInvoiceScenario();
    const { agent } = await disputeStaffRequests();
    const l2 = await openCaseAs(s.owner, openInput(s.org, s.invoice.id));
    expect(await executeAction(escalateDisputeAction, { disputeId: l2.disputeId, toTier: "L2", reason: "Quality claim: needs the specialist." }, agent)).toMatchObject({
      ok: true,
    });
    const l1 = await openCaseAs(s.owner, { ...openInput(s.org, s.invoice.id), category: "duplicate_payment", invoiceId: undefined, paymentId: s.paymentId });
    const { rows: queue } = await disputeQueue({ viewerId: s.team.owner.id, organizationId: s.orgId });
    expect(queue.map((row) => [row.id, row.tier, row.nextDueKind])).toEqual([
      [l1.disputeId, "L1", "first_response"],
      [l2.disputeId, "L2", "proposal"],
    ]);
    expect((await disputeQueue({ viewerId: s.team.owner.id, organizationId: s.orgId, tier: "L2", category: "quality_claim" })).rows).toHaveLength(1);
    expect((await disputeQueue({ viewerId: s.team.owner.id, organizationId: s.orgId, assignee: "me" })).rows).toHaveLength(0);
  });

  it("page the queue by keyset in its order, across cases without a deadline, never repeating or skipping one", async () => {
    const s = await paidInvoiceScenario();
    for (let i = 0; i < 5; i++) await openCaseAs(s.owner, openInput(s.org, s.invoice.id));
    const filters = { viewerId: s.team.owner.id, organizationId: s.orgId };
    const wholeRows = (await disputeQueue(filters)).rows;
    const whole = wholeRows.map((row) => row.id);
    expect(whole).toHaveLength(5);
    // A buyer's repeated cases open at L3, with no running timer: they close the queue.
    const timed = wholeRows.filter((row) => row.nextDueAt !== null).length;
    expect(timed).toBeGreaterThan(0);
    expect(timed).toBeLessThan(5);
    expect(wholeRows.slice(timed).every((row) => row.nextDueAt === null)).toBe(true);
    const paged: string[] = [];
    let after = "";
    for (let pages = 0; pages < 10; pages++) {
      const page = await disputeQueue({ ...filters, after }, db(), 2);
      paged.push(...page.rows.map((row) => row.id));
      if (!page.nextCursor) break;
      after = page.nextCursor;
    }
    expect(paged).toEqual(whole);
    // A cursor this app did not write is ignored: the queue starts at the top.
    expect((await disputeQueue({ ...filters, after: "bm90LWEtY3Vyc29y" }, db(), 2)).rows.map((row) => row.id)).toEqual(whole.slice(0, 2));
  });
});

describe("escalation rules at opening", () => {
  it("send an amount above the configured CNY threshold straight to L3", async () => {
    const { admin } = await disputeStaffRequests();
    const before = await currentDisputeSettings();
    expect(await executeAction(updateDisputeSettingsAction, { amountThreshold: "1,000.00", repeatedBuyerCases: 3, repeatedBuyerDays: 90 }, admin)).toMatchObject({ ok: true });
    try {
      const { agent } = await disputeStaffRequests();
      expect(await executeAction(updateDisputeSettingsAction, { amountThreshold: "5", repeatedBuyerCases: 3, repeatedBuyerDays: 90 }, agent)).toMatchObject({ ok: false, code: "forbidden" });
      const s = await paidInvoiceScenario();
      // A CNY invoice, so the threshold applies without an exchange rate.
      const { invoice } = await createTestInvoice(s.orgId, s.team.owner.id, s.buyer.id, { currency: "CNY" });
      await payInvoiceByBank(s.orgId, invoice.id, 500_000n, "CNY");
      const small = await openCaseAs(s.owner, openInput(s.org, invoice.id, { amount: "1000.00" }));
      const large = await openCaseAs(s.owner, openInput(s.org, invoice.id, { amount: "1000.01" }));
      expect(await reloadDispute(small.disputeId)).toMatchObject({ tier: "L1" });
      expect(await reloadDispute(large.disputeId)).toMatchObject({ tier: "L3", escalationReason: "amount_above_threshold", nextDueAt: null });
      const [escalation] = await eventsOf(large.disputeId, "escalated");
      expect(escalation!.details).toMatchObject({ automatic: true, reasons: [{ kind: "amount_above_threshold", disputedCnyMinor: "100001", thresholdCnyMinor: "100000" }] });
    } finally {
      await executeAction(
        updateDisputeSettingsAction,
        { amountThreshold: String(before.amountThresholdCnyMinor / 100n), repeatedBuyerCases: before.repeatedBuyerCases, repeatedBuyerDays: before.repeatedBuyerDays },
        admin,
      );
    }
  });

  it("send a buyer's third case within 90 days to L3", async () => {
    const s = await paidInvoiceScenario();
    const first = await openCaseAs(s.owner, openInput(s.org, s.invoice.id, { amount: "10" }));
    const second = await openCaseAs(s.owner, openInput(s.org, s.invoice.id, { amount: "10" }));
    const third = await openCaseAs(s.owner, openInput(s.org, s.invoice.id, { amount: "10" }));
    expect([(await reloadDispute(first.disputeId)).tier, (await reloadDispute(second.disputeId)).tier, (await reloadDispute(third.disputeId)).tier]).toEqual(["L1", "L1", "L3"]);
    expect((await reloadDispute(third.disputeId)).escalationReason).toBe("repeated_buyer");
  });
});
