import { eq } from "drizzle-orm";
import { extractText, getDocumentProxy } from "unpdf";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { invoices, kybApplications } from "@/db/schema";
import { formatRfReference } from "@/lib/domain/statements/rf-reference";
import { createTestBuyer, createTestInvoice, type TestInvoiceOptions } from "@/tests/fixtures/invoices";
import { anonymous, createTeam, createUser, signedIn } from "@/tests/fixtures/people";
import { collectionAccountFor, ensureCollectionAccounts } from "../collections/accounts";
import { executeAction } from "../guard/execute-action";
import { voidInvoice } from "../invoices/void";
import { memberInvoicePdfAction, payLinkInvoicePdfAction } from "./downloads";
import { invoicePdfData } from "./load";
import { renderPackingListPdf } from "./render";

vi.mock("@/lib/server/guard/next-request", () => ({ requestContextFromNext: async () => anonymous }));
const { GET: publicPdfRoute } = await import("@/app/pay/[token]/pdf/route");

/** The PDF's text with runs of whitespace (Intl's no-break spaces included) as one space. */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, " ");
}

async function approvedTeam() {
  const team = await createTeam();
  await db()
    .insert(kybApplications)
    .values({
      organizationId: team.organization.id,
      status: "approved",
      approvedTier: "premium",
      legalNameEn: "Ningbo Haiguang Hardware Co., Ltd.",
      legalNameZh: "宁波海光五金有限公司",
      uscc: "91330206MA2AXXXX1K",
      company: { registeredAddress: "88 Gangwan Road, Beilun District, Ningbo, Zhejiang" },
    });
  await db().transaction((tx) => ensureCollectionAccounts(tx, team.organization.id));
  return team;
}

/** 5,470.00 of goods (SAMPLE_LINES) and 350.00 freight: 5,820.00, a 30 % deposit now and the balance 60 days after the B/L. */
async function invoiceOf(team: Awaited<ReturnType<typeof createTeam>>, options: TestInvoiceOptions = {}) {
  const buyer = await createTestBuyer(team.organization.id, team.owner.id, { name: `Brightside Hardware Ltd ${crypto.randomUUID().slice(0, 6)}` });
  const { invoice } = await createTestInvoice(team.organization.id, team.owner.id, buyer.id, { freight: "350.00", issueDate: "2026-03-02", ...options });
  return invoice;
}

describe("invoice PDF", () => {
  let team: Awaited<ReturnType<typeof approvedTeam>>;
  beforeAll(async () => {
    team = await approvedTeam();
  });

  it("prints the invoice in English and Chinese with the IBAN of its currency, the RF reference in groups of four and the pay link", async () => {
    const invoice = await invoiceOf(team, { currency: "EUR" });
    const account = (await collectionAccountFor(db(), team.organization.id, "EUR"))!;
    const result = await executeAction(memberInvoicePdfAction, { org: team.organization.slug, invoiceId: invoice.id }, await signedIn(team.viewer));
    expect(result).toMatchObject({ ok: true, data: { contentType: "application/pdf", name: `${invoice.number}.pdf` } });
    const text = await pdfText(result.ok ? result.data.bytes : new Uint8Array());
    const iban = account.details.iban!;
    for (const expected of [
      invoice.number!,
      "EUR 5,820.00",
      formatRfReference(invoice.rfReference!),
      iban.replace(/(.{4})(?!$)/g, "$1 "),
      account.details.bic!,
      `/pay/${invoice.payToken}`,
      "Ningbo Haiguang Hardware Co., Ltd.",
      "宁波海光五金有限公司",
      "Commercial invoice",
      "商业发票",
      "Payment instructions 付款说明",
      "付款时请注明此参考号",
      "Brightside Hardware Ltd",
      "12 Dock Road, Felixstowe IP11 3SY",
      "Incoterm 贸易术语 FOB",
      "Port of discharge 目的港 Felixstowe",
      "Issue date 开票日期 2026-03-02",
      "7318.15.00",
      "20,000",
      "0.0425",
      "850.00",
      "Cordless drill 18V",
      "38.50",
      "4,620.00",
      "Subtotal 小计 5,470.00",
      "Freight 运费 350.00",
      "Deposit 定金 30% 2026-03-02 1,746.00",
      "Balance 尾款 70%",
      "4,074.00",
      "60 days after the B/L date 提单日期后 60 天",
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain("DRAFT");
  });

  it("prints a USD invoice with the account and routing numbers, and marks drafts", async () => {
    const account = (await collectionAccountFor(db(), team.organization.id, "USD"))!;
    const draft = await invoiceOf(team, { draft: true });
    const result = await executeAction(memberInvoicePdfAction, { org: team.organization.slug, invoiceId: draft.id }, await signedIn(team.finance));
    const text = await pdfText(result.ok ? result.data.bytes : new Uint8Array());
    expect(text).toContain("DRAFT 草稿");
    expect(text).toContain("USD 5,820.00");
    expect(text).toContain(account.details.accountNumber!);
    expect(text).toContain(account.details.routingNumber!);
    expect(text).not.toContain("RF");
    expect(text).not.toContain("/pay/");
  });

  it("says the bank details follow separately when the organization has no account in the currency", async () => {
    const fresh = await createTeam();
    await db().insert(kybApplications).values({ organizationId: fresh.organization.id, status: "approved", approvedTier: "standard" });
    const invoice = await invoiceOf(fresh);
    const result = await executeAction(memberInvoicePdfAction, { org: fresh.organization.slug, invoiceId: invoice.id }, await signedIn(fresh.owner));
    const text = await pdfText(result.ok ? result.data.bytes : new Uint8Array());
    expect(text).toContain("The seller will send the bank details for this currency separately.");
    expect(text).toContain(fresh.organization.name);
  });

  it("renders the packing list of the same goods without prices", async () => {
    const invoice = await invoiceOf(team);
    const text = await pdfText(await renderPackingListPdf(await invoicePdfData(db(), invoice)));
    for (const expected of ["Packing list", "装箱单", invoice.number!, "Cordless drill 18V", "120 pcs", "Port of loading 装运港 Ningbo"]) expect(text).toContain(expected);
    expect(text).not.toContain("38.50");
    expect(text).not.toContain("RF");
  });

  it("is refused to other organizations and strangers, and to a member asking through another organization", async () => {
    const invoice = await invoiceOf(team);
    const other = await createTeam();
    const outsider = await signedIn(other.owner);
    expect(await executeAction(memberInvoicePdfAction, { org: team.organization.slug, invoiceId: invoice.id }, outsider)).toMatchObject({ ok: false, code: "not_found" });
    expect(await executeAction(memberInvoicePdfAction, { org: other.organization.slug, invoiceId: invoice.id }, outsider)).toMatchObject({ ok: false, code: "not_found" });
    expect(await executeAction(memberInvoicePdfAction, { org: team.organization.slug, invoiceId: invoice.id }, anonymous)).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await executeAction(memberInvoicePdfAction, { org: team.organization.slug, invoiceId: "not-a-uuid" }, await signedIn(team.owner))).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
    const loner = await createUser();
    expect(await executeAction(memberInvoicePdfAction, { org: team.organization.slug, invoiceId: invoice.id }, await signedIn(loner))).toMatchObject({ ok: false, code: "not_found" });
  });
});

describe("the pay link's PDF route", () => {
  it("serves an issued invoice's PDF to anyone holding the token, with a safe Content-Disposition", async () => {
    const team = await approvedTeam();
    const invoice = await invoiceOf(team);
    const response = await publicPdfRoute(new Request("http://localhost/"), { params: Promise.resolve({ token: invoice.payToken! }) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(`inline; filename*=UTF-8''${invoice.number}.pdf`);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const text = await pdfText(new Uint8Array(await response.arrayBuffer()));
    expect(text).toContain(formatRfReference(invoice.rfReference!));
    expect(text).toContain("USD 5,820.00");
  });

  it("answers 404 for an unknown token, a draft and a void invoice", async () => {
    const team = await approvedTeam();
    const get = (token: string) => publicPdfRoute(new Request("http://localhost/"), { params: Promise.resolve({ token }) });
    expect((await get("no-such-token-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")).status).toBe(404);

    // A draft is never reachable by a pay link, even one that holds a token.
    const draft = await invoiceOf(team, { draft: true });
    const [withToken] = await db().update(invoices).set({ payToken: `draft-${draft.id}` }).where(eq(invoices.id, draft.id)).returning();
    expect((await get(withToken!.payToken!)).status).toBe(404);

    const voided = await invoiceOf(team);
    await db().transaction((tx) => voidInvoice(tx, { organizationId: team.organization.id, userId: team.owner.id }, voided.id, "Order cancelled"));
    expect((await get(voided.payToken!)).status).toBe(404);
    expect(await executeAction(payLinkInvoicePdfAction, { token: voided.payToken }, anonymous)).toMatchObject({ ok: false, code: "not_found" });
    expect(await executeAction(payLinkInvoicePdfAction, { token: "" }, anonymous)).toMatchObject({ ok: false, code: "invalid_input" });
  });
});
