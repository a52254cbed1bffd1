import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, signIn, useEnglish } from "./support/auth";
import { en } from "./support/messages";

test.beforeEach(async ({ context, baseURL }) => useEnglish(context, baseURL));

/** The March statement fixture, addressed to the demo factory's EUR IBAN, with bank references unique to this run. */
function statementFor(iban: string): Buffer {
  const run = String(Date.now()).slice(-8);
  const xml = readFileSync("e2e/fixtures/statements/camt053-march.xml", "utf8").replaceAll("{{IBAN}}", iban).replaceAll("{{RUN}}", run);
  return Buffer.from(xml);
}

test("finance staff upload a camt.053, watch the import complete, and find its payments; the same file again adds nothing", async ({ page }) => {
  await signIn(page, DEMO.finance, DEMO_PASSWORD);
  await page.goto(`/o/${DEMO.org}/receiving`);
  const iban = (await page.getByTestId("receiving-EUR").locator('[data-field="iban"] dd span').first().innerText()).replace(/\s/g, "");
  const file = { name: "camt053-march.xml", mimeType: "application/xml", buffer: statementFor(iban) };

  await page.goto(`/o/${DEMO.org}/statements`);
  await expect(page.getByRole("heading", { name: en("statements.title"), level: 1 })).toBeVisible();
  const form = page.getByTestId("statement-upload");
  await form.getByLabel(en("statements.upload.file")).setInputFiles(file);
  await form.getByRole("button", { name: en("statements.upload.submit") }).click();

  await expect(form.getByTestId("import-result")).toHaveText(en("statements.upload.completed", { imported: 2, matched: 0, duplicates: 0, skipped: 1 }), { timeout: 30_000 });
  await expect(form.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
  const row = page.getByTestId("statement-imports").getByRole("row").filter({ hasText: "camt053-march.xml" }).first();
  await expect(row).toContainText(en("statements.status.completed"));
  await expect(row).toContainText(en("statements.formats.camt053"));

  await form.getByLabel(en("statements.upload.file")).setInputFiles(file);
  await form.getByRole("button", { name: en("statements.upload.submit") }).click();
  await expect(form.getByTestId("import-result")).toHaveText(en("statements.upload.completed", { imported: 0, matched: 0, duplicates: 2, skipped: 1 }), { timeout: 30_000 });

  await page.getByTestId("statement-imports").getByRole("link", { name: "camt053-march.xml" }).last().click();
  await expect(page.getByRole("heading", { name: en("statements.detail.title", { file: "camt053-march.xml" }) })).toBeVisible();
  const payments = page.getByTestId("import-payments");
  await expect(payments.getByRole("row").filter({ hasText: "Rotterdam Fastening BV" })).toContainText("12,500.00");
  await expect(payments.getByRole("row").filter({ hasText: "Hamburg Werkzeug GmbH" })).toContainText(en("statements.matchStatus.unmatched"));
});

test("a malformed statement is refused with the element at fault and a viewer cannot upload", async ({ page, browser, baseURL }) => {
  await signIn(page, DEMO.finance, DEMO_PASSWORD);
  await page.goto(`/o/${DEMO.org}/statements`);
  const broken = statementFor("DE89370400440532013000").toString("utf8").replace("<Amt Ccy=\"EUR\">2950.50</Amt>", "<Amt Ccy=\"EUR\">2950,50</Amt>");
  const form = page.getByTestId("statement-upload");
  await form.getByLabel(en("statements.upload.file")).setInputFiles({ name: "broken.xml", mimeType: "application/xml", buffer: Buffer.from(broken) });
  await form.getByRole("button", { name: en("statements.upload.submit") }).click();
  const result = form.getByTestId("import-result");
  await expect(result).toContainText(en("statements.upload.failed"), { timeout: 30_000 });
  await expect(result).toContainText(/Amt/);

  const viewer = await browser.newContext({ baseURL, locale: "en-US" });
  await useEnglish(viewer, baseURL);
  const viewerPage = await viewer.newPage();
  await signIn(viewerPage, DEMO.viewer, DEMO_PASSWORD);
  await viewerPage.goto(`/o/${DEMO.org}/statements`);
  await expect(viewerPage.getByTestId("statement-imports")).toBeVisible();
  await expect(viewerPage.getByTestId("statement-upload")).toHaveCount(0);
  await viewer.close();
});
