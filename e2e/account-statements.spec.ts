import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, signIn, useEnglish } from "./support/auth";
import { en } from "./support/messages";

test.beforeEach(async ({ context, baseURL }) => useEnglish(context, baseURL));

test("a finance member opens this month's USD statement from the balances page and downloads it as CSV and PDF", async ({ page }) => {
  await signIn(page, DEMO.finance, DEMO_PASSWORD);
  await page.goto(`/o/${DEMO.org}/balances`);
  await page.getByRole("link", { name: en("account-statements.link") }).click();
  await expect(page.getByRole("heading", { name: en("account-statements.title"), level: 1 })).toBeVisible();
  // The demo's money all arrived this month: the default (last full) month has none of it.
  await expect(page.getByTestId("statement-section-available")).toContainText(en("account-statements.noLines"));

  const thisMonth = new Date().toLocaleString("sv-SE", { timeZone: "Asia/Shanghai" }).slice(0, 7);
  await page.getByLabel(en("account-statements.picker.month")).selectOption(thisMonth);
  await page.getByLabel(en("account-statements.picker.currency")).selectOption("USD");
  await page.getByRole("button", { name: en("account-statements.picker.show") }).click();
  await expect(page).toHaveURL(new RegExp(`month=${thisMonth}&currency=USD`));
  await expect(page.getByText(en("account-statements.reconciled"))).toBeVisible();
  const available = page.getByTestId("statement-section-available");
  await expect(available.getByRole("cell", { name: en("account-statements.openingBalance") })).toBeVisible();
  await expect(available.locator("tbody tr[data-kind=fee]").first()).toBeVisible();
  await expect(page.getByTestId("statement-closing-available")).toHaveText(/\$[\d,]+\.\d{2}/);
  await expect(page.getByTestId("statement-section-pending")).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: en("account-statements.downloadCsv") }).click()]);
  expect(csv.suggestedFilename()).toBe(`statement-${DEMO.org}-USD-${thisMonth}.csv`);
  const text = Buffer.concat(await (await csv.createReadStream()).toArray()).toString("utf8");
  expect(text.split("\r\n")[0]).toContain("account,date,time,type,description,reference,entry_id,debit,credit,balance");
  expect(text).toContain("opening_balance");
  expect(text).toContain("closing_balance");

  const [pdf] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: en("account-statements.downloadPdf") }).click()]);
  expect(pdf.suggestedFilename()).toBe(`statement-${DEMO.org}-USD-${thisMonth}.pdf`);
  const bytes = Buffer.concat(await (await pdf.createReadStream()).toArray());
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
});
