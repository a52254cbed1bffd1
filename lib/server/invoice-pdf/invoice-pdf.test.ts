import { eq } from "drizzle-orm";
import { extractText, getDocumentProxy } from "unpdf";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { invoices, kybApplications } from "@/db/schema";
import { formatRfReference } from "@/lib/domain/statements/rf-reference";
import { anonymous, createTeam, createUser, signedIn } from "@/tests/fixtures/people";
import { collectionAccountFor, ensureCollectionAccounts } from "../collections/accounts";
import { executeAction } from "../guard/execute-action";
import { memberInvoicePdfAction, payLinkInvoicePdfAction } from "./downloads";
import { insertSampleInvoice } from "./sample-invoice";

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

describe("invoice PDF", () => {
  let team: Awaited<ReturnType<typeof approvedTeam>>;
  beforeAll(async () => {
    team = await approvedTeam();
  });

  it("prints the invoice in English and Chinese with the IBAN of its currency, the RF reference in groups of four and the pay link", async () => {
    const invoice = await insertSampleInvoice(team.organization.id, { currency: "EUR" });
    const account = (await collectionAccountFor(db(), team.organization.id, "EUR"))!;
    const result = await executeAction(memberInvoicePdfAction, { org: team.organization.slug, invoiceId: invoice.id }, await signedIn(team.viewer));
    expect(result).toMatchObject({ ok: true, data: { contentType: "application/pdf", name: `${invoice.number}.pdf` } });
    const text = await pdfText(result.ok ? result.data.bytes : new Uint8Array());
    const iban = account.details.iban!;
    for (const expected of [
      invoice.number!,
      "EUR 13,330.00",
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
      "FOB Ningbo",
      "Hamburg, DE (DEHAM)",
      "MEDUNB123456",
      "7318.15",
      "120,000",
      "0.085",
      "10,200.00",
      "850.00",
      "Deposit 定金",
      "3,999.00",
      "Balance 尾款",
      "9,331.00",
      "60 days after the B/L date 提单日期后 60 天",
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain("DRAFT");
  });

  it("prints a USD invoice with the account and routing numbers, and marks drafts", async () => {
    const account = (await collectionAccountFor(db(), team.organization.id, "USD"))!;
    const draft = await insertSampleInvoice(team.organization.id, { status: "draft" });
    const result = await executeAction(memberInvoicePdfAction, { org: team.organization.slug, invoiceId: draft.id }, await signedIn(team.finance));
    const text = await pdfText(result.ok ? result.data.bytes : new Uint8Array());
    expect(text).toContain("DRAFT 草稿");
    expect(text).toContain("USD 13,330.00");
    expect(text).toContain(account.details.accountNumber!);
    expect(text).toContain(account.details.routingNumber!);
    expect(text).not.toContain("RF");
    expect(text).not.toContain("/pay/");
  });

  it("says the bank details follow separately when the organization has no account in the currency", async () => {
    const fresh = await createTeam();
    const invoice = await insertSampleInvoice(fresh.organization.id);
    const result = await executeAction(memberInvoicePdfAction, { org: fresh.organization.slug, invoiceId: invoice.id }, await signedIn(fresh.owner));
    const text = await pdfText(result.ok ? result.data.bytes : new Uint8Array());
    expect(text).toContain("The seller will send the bank details for this currency separately.");
    expect(text).toContain(fresh.organization.name);
  });

  it("is refused to other organizations and strangers, and to a member asking through another organization", async () => {
    const invoice = await insertSampleInvoice(team.organization.id);
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
    const invoice = await insertSampleInvoice(team.organization.id);
    const response = await publicPdfRoute(new Request("http://localhost/"), { params: Promise.resolve({ token: invoice.payToken! }) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(`inline; filename*=UTF-8''${invoice.number}.pdf`);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const text = await pdfText(new Uint8Array(await response.arrayBuffer()));
    expect(text).toContain(formatRfReference(invoice.rfReference!));
    expect(text).toContain("USD 13,330.00");
  });

  it("answers 404 for an unknown token, a draft and a void invoice", async () => {
    const team = await approvedTeam();
    const get = (token: string) => publicPdfRoute(new Request("http://localhost/"), { params: Promise.resolve({ token }) });
    expect((await get("no-such-token-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")).status).toBe(404);

    // A draft is never reachable by a pay link, even one that holds a token.
    const draft = await insertSampleInvoice(team.organization.id, { status: "draft" });
    const [withToken] = await db().update(invoices).set({ payToken: `draft-${draft.id}` }).where(eq(invoices.id, draft.id)).returning();
    expect((await get(withToken!.payToken!)).status).toBe(404);

    const voided = await insertSampleInvoice(team.organization.id, { status: "void" });
    expect((await get(voided.payToken!)).status).toBe(404);
    expect(await executeAction(payLinkInvoicePdfAction, { token: voided.payToken }, anonymous)).toMatchObject({ ok: false, code: "not_found" });
    expect(await executeAction(payLinkInvoicePdfAction, { token: "" }, anonymous)).toMatchObject({ ok: false, code: "invalid_input" });
  });
});
