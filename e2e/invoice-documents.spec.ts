import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { DEMO, DEMO_PASSWORD, newEnglishContext, signIn, useEnglish } from "./support/auth";
import { en, msg } from "./support/messages";

/** The oldest issued demo invoice of Haiguang with documents on file (the seed put its commercial invoice there). */
async function seededIssuedInvoice(): Promise<{ id: string; number: string; payToken: string }> {
  const sql = postgres(readFileSync(".data/e2e-database-url", "utf8").trim(), { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ id: string; number: string; pay_token: string }[]>`
      select i.id, i.number, i.pay_token from invoices i join organizations o on o.id = i.organization_id
      where o.slug = ${DEMO.org} and i.status in ('open', 'partially_paid', 'paid')
        and exists (select 1 from invoice_documents d where d.invoice_id = i.id and d.kind = 'commercial_invoice' and d.removed_at is null)
      order by i.issue_date, i.number limit 1`;
    if (!row) throw new Error("the demo seed has no issued invoice");
    return { id: row.id, number: row.number, payToken: row.pay_token };
  } finally {
    await sql.end();
  }
}

// A PDF as small as file-type still recognizes: the magic bytes are what count, never the name.
const PACKING_LIST_PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

test("finance attaches a packing list to an issued invoice, downloads it and the invoice PDF; the buyer gets the PDF by the pay link", async ({
  page,
  context,
  browser,
  baseURL,
}) => {
  await useEnglish(context, baseURL);
  const invoice = await seededIssuedInvoice();
  await signIn(page, DEMO.finance, DEMO_PASSWORD);
  await page.goto(`/o/${DEMO.org}/invoices/${invoice.id}`);
  await expect(page.getByTestId("invoice-number")).toHaveText(invoice.number);

  const section = page.getByTestId("trade-documents");
  await expect(section.getByRole("heading", { name: en("documents.trade.title") })).toBeVisible();
  // The demo seed's documents are on file.
  await expect(section.getByTestId("trade-kind-commercial_invoice").getByRole("link", { name: `${invoice.number}.pdf` })).toBeVisible();

  const packing = section.getByTestId("trade-kind-packing_list");
  const fileInput = packing.getByLabel(en("documents.trade.file", { kind: en("documents.trade.kinds.packing_list") }));

  // A text file named .pdf is refused by its content, and nothing is listed.
  await fileInput.setInputFiles({ name: "fake.pdf", mimeType: "application/pdf", buffer: Buffer.from("just some text, not a PDF at all") });
  await packing.getByRole("button", { name: en("documents.trade.upload") }).click();
  await expect(packing.getByText(msg("en", "errors.kyb_document_type"))).toBeVisible();
  await expect(packing.getByRole("link", { name: "fake.pdf" })).toHaveCount(0);

  await fileInput.setInputFiles({ name: "packing-list-e2e.pdf", mimeType: "application/pdf", buffer: PACKING_LIST_PDF });
  await packing.getByRole("button", { name: en("documents.trade.upload") }).click();
  await expect(packing.getByText(en("documents.trade.uploaded"))).toBeVisible();
  const uploaded = packing.getByRole("link", { name: "packing-list-e2e.pdf" });
  await expect(uploaded).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent("download"), uploaded.click()]);
  expect(download.suggestedFilename()).toBe("packing-list-e2e.pdf");
  expect(readFileSync((await download.path())!).equals(PACKING_LIST_PDF)).toBe(true);

  const pdfHref = await page.getByTestId("invoice-pdf-link").getAttribute("href");
  expect(pdfHref).toBe(`/o/${DEMO.org}/invoices/${invoice.id}/pdf`);
  const pdf = await page.request.get(pdfHref!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  await packing.getByRole("button", { name: `${en("documents.trade.remove")}: packing-list-e2e.pdf` }).click();
  await expect(uploaded).toHaveCount(0);

  // The buyer, signed in nowhere, gets the same PDF through the pay link; an unknown link gets nothing.
  const buyer = await newEnglishContext(browser, baseURL);
  try {
    const publicPdf = await buyer.request.get(`/pay/${invoice.payToken}/pdf`);
    expect(publicPdf.status()).toBe(200);
    expect(publicPdf.headers()["content-type"]).toBe("application/pdf");
    expect((await buyer.request.get(`/pay/${"x".repeat(43)}/pdf`)).status()).toBe(404);
    // The members' route is not open to the buyer.
    expect((await buyer.request.get(pdfHref!)).status()).toBe(401);
  } finally {
    await buyer.close();
  }
});
