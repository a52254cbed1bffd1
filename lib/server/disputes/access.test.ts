import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { disputeEvidence, disputeMessages, disputes } from "@/db/schema";
import { disputeStaffRequests, openCaseAs, openInput, paidInvoiceScenario, reloadDispute, usd } from "@/tests/fixtures/disputes";
import { anonymous, createUser, signedIn } from "@/tests/fixtures/people";
import { executeAction } from "../guard/execute-action";
import { TINY_PDF, TINY_PNG } from "../kyb/samples";
import { LocalStorage } from "../storage/local";
import { setStorageForTesting } from "../storage";
import { claimDisputeAction, escalateDisputeAction } from "./agents";
import { buyerMessageAction, buyerProposalResponseAction, buyerWithdrawAction } from "./buyer";
import { hashBuyerToken, rotateBuyerLinkAction } from "./buyer-link";
import { decideDisputeAction } from "./decide";
import { buyerDownloadEvidenceAction, buyerUploadEvidenceAction, factoryDownloadEvidenceAction, factoryUploadEvidenceAction, staffDownloadEvidenceAction } from "./evidence";
import { factoryMessageAction } from "./messages";
import { openDisputeAction } from "./open";
import { buyerDisputeCase, organizationDisputeCase, organizationDisputePage } from "./queries";

let uploadsRoot: string;
beforeAll(() => {
  uploadsRoot = mkdtempSync(path.join(tmpdir(), "quayside-disputes-"));
  setStorageForTesting(new LocalStorage(uploadsRoot));
});
afterAll(() => setStorageForTesting(null));

const file = (bytes: Uint8Array, name: string, type = "application/pdf") => new File([Buffer.from(bytes)], name, { type });
function storedFiles(organizationId: string): string[] {
  try {
    return readdirSync(path.join(uploadsRoot, "disputes", organizationId));
  } catch {
    return [];
  }
}
const countOf = async (organizationId: string) =>
  (await db().select({ n: sql<number>`count(*)::int` }).from(disputes).where(eq(disputes.organizationId, organizationId)))[0]!.n;

describe("a factory's cases", () => {
  it("are its own: another organization sees none of them, and its members are answered not found", async () => {
    const a = await paidInvoiceScenario();
    const b = await paidInvoiceScenario();
    const caseA = await openCaseAs(a.owner, openInput(a.org, a.invoice.id));
    const caseB = await openCaseAs(b.owner, openInput(b.org, b.invoice.id));

    expect((await organizationDisputePage(a.orgId)).rows.map((row) => row.id)).toEqual([caseA.disputeId]);
    expect(await organizationDisputeCase(b.orgId, caseA.disputeId)).toBeNull();
    expect((await organizationDisputeCase(a.orgId, caseA.disputeId))?.dispute.number).toBe(caseA.number);

    // b's owner naming a's organization, or its own organization with a's case, invoice or file.
    expect(await executeAction(factoryMessageAction, { org: a.org, disputeId: caseA.disputeId, body: "Hello" }, b.owner)).toMatchObject({ ok: false, code: "not_found" });
    expect(await executeAction(factoryMessageAction, { org: b.org, disputeId: caseA.disputeId, body: "Hello" }, b.owner)).toMatchObject({ ok: false, code: "not_found" });
    expect(await executeAction(openDisputeAction, openInput(b.org, a.invoice.id), b.owner)).toMatchObject({ ok: false, code: "dispute_subject_not_found" });
    expect(await executeAction(openDisputeAction, { ...openInput(b.org, undefined as never), invoiceId: undefined, paymentId: a.paymentId }, b.owner)).toMatchObject({
      ok: false,
      code: "dispute_subject_not_found",
    });
    expect(await executeAction(rotateBuyerLinkAction, { org: b.org, disputeId: caseA.disputeId }, b.owner)).toMatchObject({ ok: false, code: "not_found" });
    expect(await db().select().from(disputeMessages).where(eq(disputeMessages.disputeId, caseA.disputeId))).toHaveLength(0);
    expect(caseB.disputeId).not.toBe(caseA.disputeId);
  });

  it("are opened by owners and finance only, within what was paid, and a refusal writes nothing", async () => {
    const s = await paidInvoiceScenario(100_000n);
    const availableBefore = await usd(s.orgId, "available");
    expect(await executeAction(openDisputeAction, openInput(s.org, s.invoice.id), s.viewer)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await executeAction(openDisputeAction, openInput(s.org, s.invoice.id), anonymous)).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await executeAction(openDisputeAction, openInput(s.org, s.invoice.id, { amount: "1000.01" }), s.owner)).toMatchObject({
      ok: false,
      code: "dispute_amount_above_paid",
      message: expect.stringMatching(/^The disputed amount can't be more than what was paid: at most USD\s1,000\.00\.$/),
    });
    expect(await executeAction(openDisputeAction, openInput(s.org, s.invoice.id, { paymentId: s.paymentId }), s.owner)).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await executeAction(openDisputeAction, openInput(s.org, s.invoice.id, { category: "chargeback" }), s.owner)).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await executeAction(openDisputeAction, openInput(s.org, s.invoice.id, { description: "  " }), s.owner)).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await executeAction(openDisputeAction, { ...openInput(s.org, s.invoice.id), invoiceId: undefined, paymentId: s.paymentId, category: "payment_not_received" }, s.owner)).toMatchObject({
      ok: false,
      code: "dispute_category_needs_invoice",
    });
    expect(await countOf(s.orgId)).toBe(0);
    expect(await usd(s.orgId, "available")).toBe(availableBefore);

    // Against the payment itself, and a payment that never arrived (nothing reserved, the invoice's open amount as the limit).
    const byPayment = await openCaseAs(s.owner, { ...openInput(s.org, s.invoice.id), invoiceId: undefined, paymentId: s.paymentId, category: "duplicate_payment", amount: "250" });
    expect(await reloadDispute(byPayment.disputeId)).toMatchObject({ paymentId: s.paymentId, invoiceId: null, tier: "L1", reservedMinor: 25_000n, paidByCard: false });
    const missing = await openCaseAs(s.owner, openInput(s.org, s.invoice.id, { category: "payment_not_received", amount: "4000.00" }));
    expect(await reloadDispute(missing.disputeId)).toMatchObject({ reservedMinor: 0n, reserveShortfallMinor: 0n, tier: "L1" });
    expect(await usd(s.orgId, "available")).toBe(availableBefore - 25_000n);
  });
});

describe("the buyer's link", () => {
  it("is stored only as a hash and opens only its own case, with nothing of the organization's internals", async () => {
    const a = await paidInvoiceScenario();
    const b = await paidInvoiceScenario();
    const caseA = await openCaseAs(a.owner, openInput(a.org, a.invoice.id));
    await openCaseAs(b.owner, openInput(b.org, b.invoice.id));
    const row = await reloadDispute(caseA.disputeId);
    expect(caseA.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(row.buyerTokenHash).toBe(hashBuyerToken(caseA.token));
    expect(JSON.stringify(row, (_k, v) => (typeof v === "bigint" ? v.toString() : v))).not.toContain(caseA.token);

    const view = await buyerDisputeCase(caseA.token);
    expect(view).toMatchObject({ number: caseA.number, status: "open", disputedMinor: 50_000n, buyerName: a.buyer.name });
    expect(JSON.stringify(view, (_k, v) => (typeof v === "bigint" ? v.toString() : v))).not.toContain(a.orgId);
    expect(await buyerDisputeCase(`${caseA.token.slice(0, 42)}${caseA.token.endsWith("A") ? "B" : "A"}`)).toBeNull();
    expect(await buyerDisputeCase("short")).toBeNull();
  });

  it("lets the buyer answer, add evidence and read its own files, and reaches no other case", async () => {
    const a = await paidInvoiceScenario();
    const b = await paidInvoiceScenario();
    const caseA = await openCaseAs(a.owner, openInput(a.org, a.invoice.id));
    const caseB = await openCaseAs(b.owner, openInput(b.org, b.invoice.id));

    expect(await executeAction(buyerMessageAction, { token: caseA.token, body: "The photos show the rust clearly." }, anonymous)).toMatchObject({ ok: true });
    const uploadedA = await executeAction(buyerUploadEvidenceAction, { token: caseA.token, kind: "photo", file: file(TINY_PNG, "rust.png", "image/png") }, anonymous);
    expect(uploadedA).toMatchObject({ ok: true, data: { kind: "photo", contentType: "image/png" } });
    const uploadedB = await executeAction(factoryUploadEvidenceAction, { org: b.org, disputeId: caseB.disputeId, kind: "inspection_report", file: file(TINY_PDF, "report.pdf") }, b.owner);
    const evidenceB = (uploadedB as { ok: true; data: { evidenceId: string } }).data.evidenceId;
    const evidenceA = (uploadedA as { ok: true; data: { evidenceId: string } }).data.evidenceId;

    expect(await executeAction(buyerDownloadEvidenceAction, { token: caseA.token, evidenceId: evidenceA }, anonymous)).toMatchObject({ ok: true, data: { contentType: "image/png", name: "rust.png" } });
    expect(await executeAction(buyerDownloadEvidenceAction, { token: caseA.token, evidenceId: evidenceB }, anonymous)).toMatchObject({ ok: false, code: "not_found" });
    expect(await executeAction(factoryDownloadEvidenceAction, { org: a.org, disputeId: caseA.disputeId, evidenceId: evidenceB }, a.viewer)).toMatchObject({ ok: false, code: "not_found" });
    expect(await executeAction(factoryDownloadEvidenceAction, { org: a.org, disputeId: caseA.disputeId, evidenceId: evidenceA }, a.viewer)).toMatchObject({ ok: true });
    const { agent } = await disputeStaffRequests();
    expect(await executeAction(staffDownloadEvidenceAction, { disputeId: caseB.disputeId, evidenceId: evidenceB }, agent)).toMatchObject({ ok: true, data: { name: "report.pdf" } });
    expect(await executeAction(staffDownloadEvidenceAction, { disputeId: caseB.disputeId, evidenceId: evidenceB }, a.owner)).toMatchObject({ ok: false, code: "forbidden" });

    // Inputs naming another case are not part of a buyer action: extra fields are dropped, the token decides.
    const wrongToken = caseB.token.replace(/.$/, (c) => (c === "x" ? "y" : "x"));
    expect(await executeAction(buyerMessageAction, { token: wrongToken, body: "Let me in" }, anonymous)).toMatchObject({ ok: false, code: "not_found" });
    expect(await executeAction(buyerMessageAction, { token: caseA.token, disputeId: caseB.disputeId, body: "Into B?" }, anonymous)).toMatchObject({ ok: true });
    expect(await executeAction(buyerWithdrawAction, { token: wrongToken, reason: "Withdraw B" }, anonymous)).toMatchObject({ ok: false, code: "not_found" });
    expect(await executeAction(buyerProposalResponseAction, { token: caseA.token, response: "reject" }, anonymous)).toMatchObject({ ok: false, code: "dispute_no_proposal" });

    expect((await db().select().from(disputeMessages).where(eq(disputeMessages.disputeId, caseA.disputeId))).map((m) => m.authorKind)).toEqual(["buyer", "buyer"]);
    expect(await db().select().from(disputeMessages).where(eq(disputeMessages.disputeId, caseB.disputeId))).toHaveLength(0);
    expect((await reloadDispute(caseB.disputeId)).status).toBe("open");
  });

  it("stops working once rotated, and a withdrawal through it releases the reserve", async () => {
    const s = await paidInvoiceScenario();
    const opened = await openCaseAs(s.owner, openInput(s.org, s.invoice.id));
    const rotated = await executeAction(rotateBuyerLinkAction, { org: s.org, disputeId: opened.disputeId }, s.finance);
    const newToken = (rotated as { ok: true; data: { buyerLinkUrl: string } }).data.buyerLinkUrl.split("/dispute/")[1]!;
    expect(await buyerDisputeCase(opened.token)).toBeNull();
    expect(await executeAction(buyerWithdrawAction, { token: opened.token, reason: "Sorted out with the factory" }, anonymous)).toMatchObject({ ok: false, code: "not_found" });
    const reserved = await usd(s.orgId, "reserved");
    expect(await executeAction(buyerWithdrawAction, { token: newToken, reason: "Sorted out with the factory" }, anonymous)).toMatchObject({ ok: true, data: { status: "withdrawn" } });
    expect(await usd(s.orgId, "reserved")).toBe(reserved - 50_000n);
    expect(await reloadDispute(opened.disputeId)).toMatchObject({ status: "withdrawn", outcome: "withdrawn", decidedBy: null });
    expect(await executeAction(buyerMessageAction, { token: newToken, body: "One more thing" }, anonymous)).toMatchObject({ ok: false, code: "dispute_case_final" });
  });
});

describe("decisions", () => {
  it("of an L3 case are a platform admin's alone; factory members and KYB reviewers decide nothing", async () => {
    const s = await paidInvoiceScenario();
    const { agent, admin } = await disputeStaffRequests();
    const opened = await openCaseAs(s.owner, openInput(s.org, s.invoice.id));
    expect(await executeAction(claimDisputeAction, { disputeId: opened.disputeId }, agent)).toMatchObject({ ok: true });
    expect(await executeAction(escalateDisputeAction, { disputeId: opened.disputeId, toTier: "L3", reason: "The buyer's lawyer wrote to us." }, agent)).toMatchObject({ ok: true, data: { tier: "L3" } });

    const decision = { disputeId: opened.disputeId, outcome: "lost", note: "Settled by management." };
    expect(await executeAction(decideDisputeAction, decision, agent)).toMatchObject({ ok: false, code: "dispute_decision_needs_admin" });
    expect(await executeAction(decideDisputeAction, decision, await signedIn(s.team.owner, { secondFactorAgoMs: 0 }))).toMatchObject({ ok: false, code: "forbidden" });
    const reviewer = await createUser({ staffRole: "kyc_reviewer", totp: true });
    expect(await executeAction(decideDisputeAction, decision, await signedIn(reviewer, { secondFactorAgoMs: 0 }))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await executeAction(decideDisputeAction, decision, await signedIn((await disputeStaffRequests()).adminUser))).toMatchObject({ ok: false, code: "step_up_required" });
    expect((await reloadDispute(opened.disputeId)).status).toBe("in_progress");

    expect(await executeAction(decideDisputeAction, decision, admin)).toMatchObject({ ok: true, data: { status: "resolved", buyerShareMinor: 50_000n } });
  });
});

describe("evidence", () => {
  it("follows the upload rules of onboarding and stores nothing it refuses", async () => {
    const s = await paidInvoiceScenario();
    const opened = await openCaseAs(s.owner, openInput(s.org, s.invoice.id));
    const exe = Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, ...new Array(64).fill(0)]);
    const huge = new Uint8Array(10 * 1024 * 1024 + 1);
    huge.set(TINY_PDF);
    const cases: [File, string][] = [
      [file(exe, "photo.jpg", "image/jpeg"), "kyb_document_type"],
      [file(new TextEncoder().encode("<svg onload=alert(1)>"), "photo.png", "image/png"), "kyb_document_type"],
      [file(huge, "report.pdf"), "kyb_document_too_large"],
      [file(new Uint8Array(0), "empty.pdf"), "kyb_document_empty"],
    ];
    for (const [upload, code] of cases) {
      expect(await executeAction(factoryUploadEvidenceAction, { org: s.org, disputeId: opened.disputeId, kind: "photo", file: upload }, s.owner)).toMatchObject({ ok: false, code });
      expect(await executeAction(buyerUploadEvidenceAction, { token: opened.token, kind: "photo", file: upload }, anonymous)).toMatchObject({ ok: false, code });
    }
    expect(await executeAction(factoryUploadEvidenceAction, { org: s.org, disputeId: opened.disputeId, kind: "selfie", file: file(TINY_PDF, "x.pdf") }, s.owner)).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
    expect(await executeAction(factoryUploadEvidenceAction, { org: s.org, disputeId: opened.disputeId, kind: "photo", file: file(TINY_PNG, "x.png") }, s.viewer)).toMatchObject({
      ok: false,
      code: "forbidden",
    });
    expect(await db().select().from(disputeEvidence).where(eq(disputeEvidence.disputeId, opened.disputeId))).toHaveLength(0);
    expect(storedFiles(s.orgId)).toEqual([]);

    const stored = await executeAction(
      factoryUploadEvidenceAction,
      { org: s.org, disputeId: opened.disputeId, kind: "bill_of_lading", note: "B/L COSU6120453", file: file(TINY_PDF, "提单 B-L.pdf") },
      s.finance,
    );
    expect(stored).toMatchObject({ ok: true, data: { kind: "bill_of_lading", contentType: "application/pdf" } });
    const [row] = await db().select().from(disputeEvidence).where(eq(disputeEvidence.disputeId, opened.disputeId));
    expect(row).toMatchObject({ originalName: "提单 B-L.pdf", uploadedByKind: "factory", note: "B/L COSU6120453", sizeBytes: TINY_PDF.byteLength });
    expect(row!.storageKey).not.toContain("提单");
    expect(storedFiles(s.orgId)).toHaveLength(1);
  });
});
