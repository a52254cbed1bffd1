import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, incomingPayments, invoiceInstalments, invoiceLines, invoices, paymentAllocations } from "@/db/schema";
import { invoiceSearchSchema } from "@/lib/domain/invoices/list-search";
import { isValidRfReference } from "@/lib/domain/statements/rf-reference";
import { createApprovedTeam, createTestBuyer, createTestInvoice, DEPOSIT_BALANCE_TERMS, SAMPLE_LINES } from "@/tests/fixtures/invoices";
import { createTeam, signedIn } from "@/tests/fixtures/people";
import { executeAction } from "../guard/execute-action";
import type { RequestContext } from "../guard/request-context";
import { invoiceDetail } from "./detail";
import { createDraftAction, updateDraftAction } from "./drafts";
import { updateIssuedDetailsAction } from "./issued-details";
import { issueInvoiceAction } from "./issue";
import { listInvoices } from "./list";
import { voidInvoiceAction } from "./void";

const draftInput = (org: string, buyerId: string, extra: Record<string, unknown> = {}) => ({
  org,
  buyerId,
  currency: "USD",
  issueDate: "2026-03-10",
  lines: SAMPLE_LINES,
  discount: "100",
  freight: "1,250.00",
  terms: DEPOSIT_BALANCE_TERMS,
  incoterm: "FOB",
  portOfLoading: "Ningbo",
  portOfDischarge: "Felixstowe",
  ...extra,
});

async function ok<T>(promise: Promise<{ ok: boolean }>): Promise<T> {
  const result = await promise;
  expect(result, JSON.stringify(result, (_, v) => (typeof v === "bigint" ? v.toString() : v))).toMatchObject({ ok: true });
  return (result as unknown as { data: T }).data;
}

async function setup() {
  const team = await createApprovedTeam();
  const buyer = await createTestBuyer(team.organization.id, team.owner.id);
  const finance = await signedIn(team.finance);
  return { team, buyer, finance, org: team.organization.slug };
}

async function createDraft(request: RequestContext, org: string, buyerId: string, extra: Record<string, unknown> = {}) {
  return (await ok<{ invoiceId: string }>(executeAction(createDraftAction, draftInput(org, buyerId, extra), request))).invoiceId;
}

async function invoiceCount(organizationId: string): Promise<number> {
  const [row] = await db().select({ n: sql<number>`count(*)::int` }).from(invoices).where(eq(invoices.organizationId, organizationId));
  return row!.n;
}

describe("drafts and issuing", () => {
  it("stores a draft with exact totals, then issues it with a number, an RF reference, a pay token and instalments", async () => {
    const { team, buyer, finance, org } = await setup();
    const invoiceId = await createDraft(finance, org, buyer.id);
    const draft = (await invoiceDetail(team.organization.id, invoiceId))!;
    expect(draft.invoice).toMatchObject({ status: "draft", number: null, rfReference: null, payToken: null, subtotalMinor: 547_000n, discountMinor: 10_000n, freightMinor: 125_000n, totalMinor: 662_000n });
    expect(draft.lines.map((l) => [l.quantity, l.unitPrice, l.amountMinor])).toEqual([["20000", "0.0425", 85_000n], ["120", "38.5", 462_000n]]);

    const issued = await ok<{ number: string; rfReference: string }>(executeAction(issueInvoiceAction, { org, invoiceId }, finance));
    expect(issued.number).toBe("INV-2026-0001");
    expect(isValidRfReference(issued.rfReference)).toBe(true);
    const detail = (await invoiceDetail(team.organization.id, invoiceId))!;
    expect(detail.invoice.status).toBe("open");
    expect(detail.invoice.payToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(detail.instalments.map((i) => [i.label, i.shareBps, i.amountMinor, i.dueDate, i.status])).toEqual([
      ["deposit", 3000, 198_600n, "2026-03-10", "open"],
      ["balance", 7000, 463_400n, null, "open"],
    ]);
    expect(detail.invoice.nextDueDate).toBe("2026-03-10");
    const actions = (await db().select().from(auditLog).where(eq(auditLog.organizationId, team.organization.id))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["invoices.createDraft", "invoices.issue"]));

    const second = await createDraft(finance, org, buyer.id);
    expect(await ok<{ number: string }>(executeAction(issueInvoiceAction, { org, invoiceId: second }, finance))).toMatchObject({ number: "INV-2026-0002" });
    expect(await executeAction(issueInvoiceAction, { org, invoiceId }, finance)).toMatchObject({ ok: false, code: "invoice_not_draft" });
  });

  it("gives consecutive, distinct numbers and RF references to invoices issued at the same moment", async () => {
    const { team, buyer, finance, org } = await setup();
    const owner = await signedIn(team.owner);
    const ids = await Promise.all([1, 2, 3, 4].map(() => createDraft(finance, org, buyer.id, { issueDate: "2026-06-01" })));
    const results = await Promise.all(ids.map((invoiceId, index) => executeAction(issueInvoiceAction, { org, invoiceId }, index % 2 ? owner : finance)));
    expect(results.every((r) => r.ok)).toBe(true);
    const rows = await db().select().from(invoices).where(eq(invoices.organizationId, team.organization.id));
    expect(rows.map((r) => r.number).sort()).toEqual(["INV-2026-0001", "INV-2026-0002", "INV-2026-0003", "INV-2026-0004"]);
    expect(new Set(rows.map((r) => r.rfReference)).size).toBe(4);
    expect(rows.every((r) => isValidRfReference(r.rfReference!))).toBe(true);
    const [sums] = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(invoices)
      .where(and(eq(invoices.organizationId, team.organization.id), sql`${invoices.totalMinor} <> (select sum(amount_minor) from invoice_instalments i where i.invoice_id = ${invoices.id})`));
    expect(sums!.n).toBe(0);
  });

  it("issues a draft once when two members issue it at the same moment", async () => {
    const { team, buyer, finance, org } = await setup();
    const owner = await signedIn(team.owner);
    const invoiceId = await createDraft(finance, org, buyer.id, { issueDate: "2026-07-01" });
    const results = await Promise.all([executeAction(issueInvoiceAction, { org, invoiceId }, finance), executeAction(issueInvoiceAction, { org, invoiceId }, owner)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: "invoice_not_draft" });
    expect(await db().select().from(invoiceInstalments).where(eq(invoiceInstalments.invoiceId, invoiceId))).toHaveLength(2);
    const [sequence] = await db().execute<{ last_number: number }>(sql`select last_number from invoice_sequences where organization_id = ${team.organization.id}`);
    expect(sequence!.last_number).toBe(1);
  });

  it("numbers each organization and year on its own, and keeps RF references unique across organizations", async () => {
    const a = await setup();
    const b = await setup();
    const refs: string[] = [];
    for (const side of [a, b]) {
      const invoiceId = await createDraft(side.finance, side.org, side.buyer.id, { issueDate: "2027-01-05" });
      const issued = await ok<{ number: string; rfReference: string }>(executeAction(issueInvoiceAction, { org: side.org, invoiceId }, side.finance));
      expect(issued.number).toBe("INV-2027-0001");
      refs.push(issued.rfReference);
    }
    expect(refs[0]).not.toBe(refs[1]);
  });
});

describe("after issuing", () => {
  it("refuses money changes, accepts shipment details, and dates the balance from the B/L date", async () => {
    const { team, buyer, finance, org } = await setup();
    const invoiceId = await createDraft(finance, org, buyer.id, { issueDate: "2026-03-10" });
    await ok(executeAction(issueInvoiceAction, { org, invoiceId }, finance));
    expect(await executeAction(updateDraftAction, { ...draftInput(org, buyer.id, { discount: "0" }), invoiceId }, finance)).toMatchObject({ ok: false, code: "invoice_not_draft" });

    await ok(executeAction(updateIssuedDetailsAction, { org, invoiceId, notes: "Shipped in 2×40' HC", portOfLoading: "Ningbo", portOfDischarge: "Felixstowe", billOfLadingNumber: "MEDUNB123456", billOfLadingDate: "2026-04-02" }, finance));
    const detail = (await invoiceDetail(team.organization.id, invoiceId))!;
    expect(detail.invoice).toMatchObject({ billOfLadingNumber: "MEDUNB123456", billOfLadingDate: "2026-04-02", notes: "Shipped in 2×40' HC", totalMinor: 662_000n });
    expect(detail.instalments.map((i) => i.dueDate)).toEqual(["2026-03-10", "2026-06-01"]);
    // Both dates are in the past: the job's overdue flag follows at once.
    expect(detail.instalments.map((i) => i.isOverdue)).toEqual([true, true]);
    expect(detail.invoice).toMatchObject({ isOverdue: true, nextDueDate: "2026-03-10", status: "open" });
    expect(detail.displayStatus).toBe("overdue");
    const [audited] = await db().select().from(auditLog).where(and(eq(auditLog.organizationId, team.organization.id), eq(auditLog.action, "invoices.updateIssuedDetails")));
    expect(audited!.summary).toMatchObject({ changed: { billOfLadingDate: { from: null, to: "2026-04-02" } } });
  });

  it("voids an invoice without payments, audited with the reason; refuses one with a live allocation", async () => {
    const { team, buyer, finance, org } = await setup();
    const { invoice } = await createTestInvoice(team.organization.id, team.owner.id, buyer.id);
    expect(await executeAction(voidInvoiceAction, { org, invoiceId: invoice.id, reason: " " }, finance)).toMatchObject({ ok: false, code: "invalid_input" });
    await ok(executeAction(voidInvoiceAction, { org, invoiceId: invoice.id, reason: "Order cancelled by the buyer" }, finance));
    const [voided] = await db().select().from(invoices).where(eq(invoices.id, invoice.id));
    expect(voided).toMatchObject({ status: "void", voidReason: "Order cancelled by the buyer", voidedBy: team.finance.id, nextDueDate: null });
    expect((await db().select().from(invoiceInstalments).where(eq(invoiceInstalments.invoiceId, invoice.id))).every((i) => i.status === "void")).toBe(true);
    const [audited] = await db().select().from(auditLog).where(and(eq(auditLog.organizationId, team.organization.id), eq(auditLog.action, "invoices.void")));
    expect(audited).toMatchObject({ actorUserId: team.finance.id, target: `invoice:${invoice.id}`, summary: { reason: "Order cancelled by the buyer", number: invoice.number } });

    const { invoice: paid, instalments } = await createTestInvoice(team.organization.id, team.owner.id, buyer.id);
    const [payment] = await db()
      .insert(incomingPayments)
      .values({ organizationId: team.organization.id, source: "sandbox_transfer", accountIdentifier: "TEST", bankRef: crypto.randomUUID(), currency: "USD", amountMinor: 1000n, unappliedMinor: 0n, bookingDate: "2026-03-11", valueDate: "2026-03-11" })
      .returning();
    await db().insert(paymentAllocations).values({ organizationId: team.organization.id, paymentId: payment!.id, target: "invoice", invoiceId: paid.id, instalmentId: instalments[0]!.id, method: "manual", amountMinor: 1000n, invoiceAmountMinor: 1000n });
    expect(await executeAction(voidInvoiceAction, { org, invoiceId: paid.id, reason: "Duplicate" }, finance)).toMatchObject({ ok: false, code: "invoice_has_payments" });
    expect((await db().select().from(invoices).where(eq(invoices.id, paid.id)))[0]!.status).toBe("open");
  });
});

describe("refusals write nothing", () => {
  it("answers another organization's member with not_found", async () => {
    const { team, buyer, org } = await setup();
    const outsider = await createTeam();
    const outsiderRequest = await signedIn(outsider.owner);
    expect(await executeAction(createDraftAction, draftInput(org, buyer.id), outsiderRequest)).toMatchObject({ ok: false, code: "not_found" });
    const { invoice } = await createTestInvoice(team.organization.id, team.owner.id, buyer.id, { draft: true });
    // Through their own organization, our invoice and buyer are simply not there.
    const theirs = outsider.organization.slug;
    expect(await executeAction(issueInvoiceAction, { org: theirs, invoiceId: invoice.id }, outsiderRequest)).toMatchObject({ ok: false, code: "not_found" });
    expect(await executeAction(voidInvoiceAction, { org: theirs, invoiceId: invoice.id, reason: "x" }, outsiderRequest)).toMatchObject({ ok: false, code: "not_found" });
    expect(await executeAction(createDraftAction, draftInput(theirs, buyer.id), outsiderRequest)).toMatchObject({ ok: false, code: "invoice_buyer_not_found" });
    expect(await invoiceDetail(outsider.organization.id, invoice.id)).toBeNull();
    expect(await invoiceCount(outsider.organization.id)).toBe(0);
  });

  it("refuses viewers", async () => {
    const { team, buyer, org } = await setup();
    const viewer = await signedIn(team.viewer);
    expect(await executeAction(createDraftAction, draftInput(org, buyer.id), viewer)).toMatchObject({ ok: false, code: "forbidden" });
    const { invoice } = await createTestInvoice(team.organization.id, team.owner.id, buyer.id, { draft: true });
    expect(await executeAction(issueInvoiceAction, { org, invoiceId: invoice.id }, viewer)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await invoiceCount(team.organization.id)).toBe(1);
  });

  it("refuses bad input with field errors and stores nothing", async () => {
    const { team, buyer, finance, org } = await setup();
    const bad = await executeAction(
      createDraftAction,
      draftInput(org, buyer.id, { lines: [{ ...SAMPLE_LINES[0], quantity: "1.2345", hsCode: "73-18" }], incoterm: "DAT" }),
      finance,
    );
    expect(bad).toMatchObject({ ok: false, code: "invalid_input" });
    expect(Object.keys((bad as { fieldErrors: Record<string, string[]> }).fieldErrors).sort()).toEqual(["incoterm", "lines.0.hsCode", "lines.0.quantity"]);
    expect(await executeAction(createDraftAction, draftInput(org, buyer.id, { discount: "1,000,000" }), finance)).toMatchObject({ ok: false, code: "invoice_total_negative" });
    expect(await invoiceCount(team.organization.id)).toBe(0);
    expect(await db().select().from(invoiceLines).innerJoin(invoices, eq(invoices.id, invoiceLines.invoiceId)).where(eq(invoices.organizationId, team.organization.id))).toEqual([]);
  });

  it("lets an organization without KYB approval keep drafts but not issue them", async () => {
    const team = await createTeam();
    const buyer = await createTestBuyer(team.organization.id, team.owner.id);
    const finance = await signedIn(team.finance);
    const invoiceId = await createDraft(finance, team.organization.slug, buyer.id);
    expect(await executeAction(issueInvoiceAction, { org: team.organization.slug, invoiceId }, finance)).toMatchObject({ ok: false, code: "kyb_not_approved" });
    expect((await db().select().from(invoices).where(eq(invoices.id, invoiceId)))[0]).toMatchObject({ status: "draft", number: null });
    expect(await db().select().from(invoiceInstalments).where(eq(invoiceInstalments.invoiceId, invoiceId))).toEqual([]);
  });
});

describe("the list", () => {
  it("filters by status (overdue as displayed), buyer, currency, dates and number, a page at a time", async () => {
    const { team, buyer, org: _org } = await setup();
    const other = await createTestBuyer(team.organization.id, team.owner.id, { currency: "EUR" });
    const made = [];
    for (let day = 1; day <= 5; day++) {
      made.push((await createTestInvoice(team.organization.id, team.owner.id, day === 5 ? other.id : buyer.id, { issueDate: `2027-05-0${day}`, currency: day === 5 ? "EUR" : "USD" })).invoice);
    }
    await db().update(invoices).set({ isOverdue: true }).where(eq(invoices.id, made[0]!.id));
    const search = (values: Record<string, string>) => invoiceSearchSchema.parse(values);
    const numbers = async (values: Record<string, string>, limit = 50) => (await listInvoices(team.organization.id, search(values), limit)).rows.map((r) => r.number);

    expect(await numbers({ status: "overdue" })).toEqual(["INV-2027-0001"]);
    expect(await numbers({ status: "open" })).toEqual(["INV-2027-0005", "INV-2027-0004", "INV-2027-0003", "INV-2027-0002"]);
    expect(await numbers({ buyer: other.id })).toEqual(["INV-2027-0005"]);
    expect(await numbers({ currency: "EUR" })).toEqual(["INV-2027-0005"]);
    expect(await numbers({ from: "2027-05-02", to: "2027-05-03" })).toEqual(["INV-2027-0003", "INV-2027-0002"]);
    expect(await numbers({ q: "inv 2027 0004" })).toEqual(["INV-2027-0004"]);
    const first = await listInvoices(team.organization.id, search({}), 2);
    expect(first.rows.map((r) => r.number)).toEqual(["INV-2027-0005", "INV-2027-0004"]);
    expect(await numbers({ after: first.nextCursor! }, 2)).toEqual(["INV-2027-0003", "INV-2027-0002"]);
  });
});
