import { and, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, disputeEvents } from "@/db/schema";
import { disputeStaffRequests, openCaseAs, openInput, paidInvoiceScenario, reloadDispute } from "@/tests/fixtures/disputes";
import { anonymous, createUser } from "@/tests/fixtures/people";
import { executeAction } from "../guard/execute-action";
import { assignDisputeAction, claimDisputeAction, escalateDisputeAction } from "./agents";
import { buyerMessageAction, buyerProposalResponseAction } from "./buyer";
import { closeDisputeAction, decideDisputeAction } from "./decide";
import { caseLibrary } from "./library";
import { agentMessageAction, factoryMessageAction } from "./messages";
import { factoryProposalResponseAction, proposeResolutionAction } from "./proposal";
import { organizationDisputeCase, staffDisputeCase } from "./queries";
import { createSavedReplyAction, deleteSavedReplyAction, listSavedReplies, updateSavedReplyAction } from "./saved-replies";
import { disputeStatistics } from "./statistics";

const kindsOf = async (disputeId: string) =>
  (await db().select({ kind: disputeEvents.kind }).from(disputeEvents).where(eq(disputeEvents.disputeId, disputeId)).orderBy(disputeEvents.seq)).map(
    (event) => event.kind,
  );

describe("an agent working a case", () => {
  it("claims it, asks the buyer, gets an answer, proposes, hears both sides and decides — every change in the history and the audit log", async () => {
    const s = await paidInvoiceScenario();
    const { agent, agentUser } = await disputeStaffRequests();
    const opened = await openCaseAs(s.owner, openInput(s.org, s.invoice.id));
    const id = opened.disputeId;

    expect(await executeAction(claimDisputeAction, { disputeId: id }, agent)).toMatchObject({ ok: true, data: { assigneeId: agentUser.id, status: "in_progress" } });
    expect(await executeAction(agentMessageAction, { disputeId: id, body: "Please send photos of the rust.", waitFor: "buyer" }, agent)).toMatchObject({
      ok: true,
      data: { status: "awaiting_buyer" },
    });
    expect((await reloadDispute(id)).firstResponseAt).not.toBeNull();
    // A quality claim opens in L1; the front line hands it to L2's specialists, whose timer is a proposal in 48 h.
    expect(await executeAction(escalateDisputeAction, { disputeId: id, toTier: "L2", reason: "Quality claim: needs the specialist." }, agent)).toMatchObject({
      ok: true,
      data: { tier: "L2" },
    });
    expect(await executeAction(buyerMessageAction, { token: opened.token, body: "Photos uploaded." }, anonymous)).toMatchObject({ ok: true, data: { status: "in_progress" } });
    expect(await executeAction(factoryMessageAction, { org: s.org, disputeId: id, body: "We checked our inspection report." }, s.finance)).toMatchObject({ ok: true });

    expect(await executeAction(proposeResolutionAction, { disputeId: id, outcome: "partial", buyerShare: "200.00", note: "Refund the rusted share." }, agent)).toMatchObject({
      ok: true,
      data: { status: "proposed" },
    });
    expect(await reloadDispute(id)).toMatchObject({ proposedOutcome: "partial", proposedBuyerShareMinor: 20_000n, nextDueAt: null });
    expect(await executeAction(buyerProposalResponseAction, { token: opened.token, response: "reject", note: "We want the whole 500." }, anonymous)).toMatchObject({
      ok: true,
      data: { status: "in_progress" },
    });
    expect(await executeAction(proposeResolutionAction, { disputeId: id, outcome: "partial", buyerShare: "250", note: "Half, as the report shows." }, agent)).toMatchObject({ ok: true });
    expect(await executeAction(factoryProposalResponseAction, { org: s.org, disputeId: id, response: "accept" }, s.owner)).toMatchObject({ ok: true, data: { status: "proposed" } });
    expect(await executeAction(factoryProposalResponseAction, { org: s.org, disputeId: id, response: "accept" }, s.viewer)).toMatchObject({ ok: false, code: "forbidden" });

    expect(await executeAction(decideDisputeAction, { disputeId: id, outcome: "partial", buyerShare: "250", note: "Half refunded." }, agent)).toMatchObject({
      ok: true,
      data: { status: "resolved", buyerShareMinor: 25_000n, factoryShareMinor: 25_000n },
    });
    expect(await executeAction(closeDisputeAction, { disputeId: id, rootCause: "weather" }, agent)).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await executeAction(closeDisputeAction, { disputeId: id, rootCause: "quality" }, agent)).toMatchObject({ ok: true, data: { status: "closed" } });
    expect(await executeAction(factoryMessageAction, { org: s.org, disputeId: id, body: "Thanks" }, s.owner)).toMatchObject({ ok: false, code: "dispute_case_final" });

    expect(await kindsOf(id)).toEqual([
      "opened",
      "reserved",
      "claimed",
      "message",
      "status",
      "escalated",
      "message",
      "status",
      "message",
      "proposed",
      "proposal_rejected",
      "proposed",
      "proposal_accepted",
      "decided",
      "closed",
    ]);
    const audited = await db().select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.target, `dispute:${id}`), like(auditLog.action, "disputes.%")));
    expect(audited.map((row) => row.action).sort()).toEqual(
      [
        "disputes.open",
        "disputes.claim",
        "disputes.agentMessage",
        "disputes.escalate",
        "disputes.buyerMessage",
        "disputes.factoryMessage",
        "disputes.propose",
        "disputes.buyerRespondToProposal",
        "disputes.propose",
        "disputes.factoryRespondToProposal",
        "disputes.decide",
        "disputes.close",
      ].sort(),
    );

    const view = await organizationDisputeCase(s.orgId, id);
    expect(view?.messages.map((message) => message.authorKind)).toEqual(["agent", "buyer", "factory", "buyer"]);
    expect(view?.entries.map((entry) => entry.type)).toEqual(["dispute_reserve", "dispute_decision"]);
    expect(view?.dispute).toMatchObject({ status: "closed", rootCause: "quality", decidedByName: "Test User", invoiceNumber: s.invoice.number });
  });

  it("keeps a claimed case with its agent until it is reassigned, and to dispute staff only", async () => {
    const s = await paidInvoiceScenario();
    const { agent, agentUser, admin, adminUser } = await disputeStaffRequests();
    const other = await disputeStaffRequests();
    const opened = await openCaseAs(s.owner, openInput(s.org, s.invoice.id));
    const id = opened.disputeId;
    expect(await executeAction(claimDisputeAction, { disputeId: id }, agent)).toMatchObject({ ok: true });
    expect(await executeAction(claimDisputeAction, { disputeId: id }, agent)).toMatchObject({ ok: true, data: { assigneeId: agentUser.id } });
    expect(await executeAction(claimDisputeAction, { disputeId: id }, other.agent)).toMatchObject({ ok: false, code: "dispute_already_claimed" });
    const reviewer = await createUser({ staffRole: "kyc_reviewer" });
    expect(await executeAction(assignDisputeAction, { disputeId: id, assigneeId: reviewer.id }, admin)).toMatchObject({ ok: false, code: "dispute_assignee_not_agent" });
    expect(await executeAction(assignDisputeAction, { disputeId: id, assigneeId: s.team.owner.id }, admin)).toMatchObject({ ok: false, code: "dispute_assignee_not_agent" });
    expect(await executeAction(assignDisputeAction, { disputeId: id, assigneeId: adminUser.id }, other.agent)).toMatchObject({ ok: true, data: { assigneeId: adminUser.id } });
    expect(await executeAction(assignDisputeAction, { disputeId: id, assigneeId: null }, admin)).toMatchObject({ ok: true, data: { assigneeId: null } });
    expect(await executeAction(claimDisputeAction, { disputeId: id }, s.owner)).toMatchObject({ ok: false, code: "forbidden" });
    expect((await staffDisputeCase(id))?.events.filter((event) => event.kind === "assigned").map((event) => event.details)).toEqual([
      { from: agentUser.id, to: adminUser.id },
      { from: adminUser.id, to: null },
    ]);
  });

  it("escalates only upwards, with a reason", async () => {
    const s = await paidInvoiceScenario();
    const { agent } = await disputeStaffRequests();
    const opened = await openCaseAs(s.owner, openInput(s.org, s.invoice.id));
    const id = opened.disputeId;
    expect(await executeAction(escalateDisputeAction, { disputeId: id, toTier: "L3", reason: "   " }, agent)).toMatchObject({ ok: false, code: "dispute_escalation_reason_required" });
    expect(await executeAction(escalateDisputeAction, { disputeId: id, toTier: "L1", reason: "Simple after all" }, agent)).toMatchObject({ ok: false, code: "dispute_escalation_not_higher" });
    expect(await executeAction(escalateDisputeAction, { disputeId: id, toTier: "L3", reason: "Legal threat" }, agent)).toMatchObject({ ok: true, data: { tier: "L3" } });
    const view = await staffDisputeCase(id);
    expect(view?.escalation).toMatchObject({ automatic: false, reasons: [{ kind: "agent", reason: "Legal threat" }] });
    expect(view?.dispute).toMatchObject({ tier: "L3", escalationReason: "Legal threat", nextDueAt: null });
  });
});

describe("saved replies", () => {
  it("are created, renamed and removed by agents, with unique titles", async () => {
    const { agent, admin } = await disputeStaffRequests();
    const title = `Ask for photos ${crypto.randomUUID().slice(0, 6)}`;
    const created = await executeAction(createSavedReplyAction, { title, body: "Please upload photos of the damaged goods." }, agent);
    expect(created).toMatchObject({ ok: true });
    const id = (created as { ok: true; data: { id: string } }).data.id;
    expect(await executeAction(createSavedReplyAction, { title: title.toUpperCase(), body: "Again" }, admin)).toMatchObject({ ok: false, code: "dispute_saved_reply_exists" });
    expect(await executeAction(updateSavedReplyAction, { id, title: `${title} (B/L too)`, body: "Photos and the B/L, please." }, admin)).toMatchObject({ ok: true });
    expect((await listSavedReplies()).find((reply) => reply.id === id)).toMatchObject({ title: `${title} (B/L too)`, body: "Photos and the B/L, please." });
    expect(await executeAction(deleteSavedReplyAction, { id }, agent)).toMatchObject({ ok: true });
    expect(await executeAction(deleteSavedReplyAction, { id }, agent)).toMatchObject({ ok: false, code: "not_found" });
    expect((await listSavedReplies()).some((reply) => reply.id === id)).toBe(false);
  });
});

describe("the case library and statistics", () => {
  it("find closed cases by words and root cause, and count a factory's own cases apart from the platform's", async () => {
    const a = await paidInvoiceScenario();
    const b = await paidInvoiceScenario();
    const { agent } = await disputeStaffRequests();
    const word = `corrosion${crypto.randomUUID().slice(0, 6)}`;
    const closedA = await openCaseAs(a.owner, openInput(a.org, a.invoice.id, { description: `Heavy ${word} on the bolts` }));
    const openA = await openCaseAs(a.owner, openInput(a.org, a.invoice.id, { category: "late_delivery" }));
    const closedB = await openCaseAs(b.owner, openInput(b.org, b.invoice.id, { description: `Same ${word} complaint` }));
    for (const [id, outcome] of [
      [closedA.disputeId, "won"],
      [closedB.disputeId, "lost"],
    ] as const) {
      await executeAction(claimDisputeAction, { disputeId: id }, agent);
      expect(await executeAction(decideDisputeAction, { disputeId: id, outcome, note: "Decided.", rootCause: outcome === "won" ? "documentation" : "quality" }, agent)).toMatchObject({ ok: true });
    }

    const platform = await caseLibrary({ q: word });
    expect(platform.rows.map((row) => row.id).sort()).toEqual([closedA.disputeId, closedB.disputeId].sort());
    expect((await caseLibrary({ q: word, organizationId: a.orgId })).rows.map((row) => row.id)).toEqual([closedA.disputeId]);
    expect((await caseLibrary({ q: word, rootCause: "quality" })).rows.map((row) => row.id)).toEqual([closedB.disputeId]);
    expect((await caseLibrary({ q: `${word} bolts` })).total).toBe(1);
    // A wildcard is looked for as itself.
    expect((await caseLibrary({ q: "%" })).total).toBe(0);

    const from = new Date(Date.now() - 86_400_000);
    const to = new Date(Date.now() + 86_400_000);
    const own = await disputeStatistics({ organizationId: a.orgId, from, to });
    expect(own.totals).toEqual({ opened: 2, open: 1, decided: 1 });
    expect(own.outcomes).toEqual({ won: 1, lost: 0, partial: 0, withdrawn: 0 });
    expect(own.rootCauses.documentation).toBe(1);
    expect(own.rates.byBuyer).toEqual([{ key: a.buyer.id, buyerName: a.buyer.name, cases: 2, invoices: 1, ratePercent: "200.00" }]);
    expect(own.serviceLevel).toEqual({ within: 1, total: 1, percent: "100.00" });
    expect(own.medianTimeToResolveMs).not.toBeNull();
    const all = await disputeStatistics({ from, to });
    expect(all.totals.opened).toBeGreaterThanOrEqual(3);
    expect(all.rates.byCountry.find((rate) => rate.key === "GB")!.cases).toBeGreaterThanOrEqual(3);
    expect((await caseLibrary({ organizationId: a.orgId })).rows.map((row) => row.id)).not.toContain(openA.disputeId);
  });
});
