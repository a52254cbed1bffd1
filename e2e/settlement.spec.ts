import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, signIn, useEnglish } from "./support/auth";
import { en } from "./support/messages";

test.beforeEach(async ({ context, baseURL }) => useEnglish(context, baseURL));

test("finance sees the schedules, previews a change, opens the seeded settlement and downloads its statement as CSV", async ({ page }) => {
  await signIn(page, DEMO.finance, DEMO_PASSWORD);
  await page.goto(`/o/${DEMO.org}/settlement`);
  await expect(page.getByRole("heading", { level: 1, name: en("settlement.title") })).toBeVisible();
  await expect(page.getByTestId("schedule-CAD")).toContainText("T+2");
  await expect(page.getByTestId("schedule-USD")).toContainText(en("settlement.describe.on_demand"));

  await test.step("a schedule change shows its business-day preview before it is saved", async () => {
    const edit = page.getByTestId("edit-schedule-SGD");
    await edit.getByText(en("settlement.schedules.edit", { currency: "SGD" })).click();
    await edit.getByRole("textbox", { name: en("settlement.form.businessDays") }).fill("3");
    const preview = edit.getByRole("table", { name: en("settlement.form.previewCaption") });
    await expect(preview.locator("tbody tr")).toHaveCount(5);
    await edit.getByRole("button", { name: en("settlement.form.submit") }).click();
    await expect(edit.getByText(en("settlement.form.saved"))).toBeVisible();
    await expect(page.getByTestId("schedule-SGD")).toContainText("T+3");
  });

  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => violation.id)).toEqual([]);

  const batch = page.getByTestId("batch-row").filter({ hasText: "CAD → CNY" });
  await expect(batch).toBeVisible();
  await batch.getByRole("link", { name: /\(CAD\)$/ }).click();
  await page.waitForURL(/\/settlement\/[0-9a-f-]{36}$/);
  await expect(page.getByText(en("settlement.statement.reconciled"))).toBeVisible();
  await expect(page.getByTestId("statement-collection")).toHaveCount(2);
  await expect(page.getByTestId("statement-fx")).toContainText("CAD");
  const net = (await page.getByTestId("statement-net").locator("td").last().innerText()).trim();
  expect(net).toMatch(/^CNY\s[\d,]+\.\d{2}$/);
  await expect(page.getByTestId("batch-payout-reference")).not.toHaveText(en("settlement.statement.referencePending"));

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: en("settlement.statement.downloadCsv") }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^settlement-${DEMO.org}-CAD-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const csv = Buffer.concat(await (await download.createReadStream()).toArray()).toString("utf8");
  const rows = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
  expect(rows[0]).toBe("line,reference,source,cleared_on,fee_type,basis,rate,currency,amount,counter_currency,counter_amount,mid_rate,payout_reference");
  expect(rows.filter((row) => row.startsWith("collection,"))).toHaveLength(2);
  expect(rows.some((row) => row.startsWith("fx,") && row.includes(",CNY,"))).toBe(true);
  expect(rows.at(-1)).toMatch(new RegExp(`^net,.*,CNY,${net.replace(/^CNY\s/, "").replace(/,/g, "")},`));
});
