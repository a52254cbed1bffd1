import { expect, test } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, signIn, useEnglish } from "./support/auth";
import { en, msg } from "./support/messages";

test.beforeEach(async ({ context, baseURL }) => useEnglish(context, baseURL));

test("a finance member reads balances with their CNY value, filters the history, opens an entry and exports CSV", async ({ page }) => {
  await signIn(page, DEMO.finance, DEMO_PASSWORD);
  await page.goto(`/o/${DEMO.org}/balances`);
  await expect(page.getByRole("heading", { name: en("balances.title"), level: 1 })).toBeVisible();
  const usd = page.getByTestId("balance-USD");
  await expect(usd).toContainText(/\$[\d,]+\.\d{2}/);
  await expect(usd).toContainText(en("balances.pending"));
  await expect(page.getByTestId("balances-cny-total")).toContainText("CN¥");

  await page.locator("select[name=currency]").selectOption("GBP");
  await page.locator("select[name=account]").selectOption("reserved");
  await page.getByRole("button", { name: en("common.buttons.apply") }).click();
  await expect(page).toHaveURL(/currency=GBP/);
  // The demo's other GBP reserves belong to dispute cases; the hold seeded with the ledger is this one.
  const hold = page.locator("tbody tr").filter({ has: page.getByRole("link", { name: en("balances.types.dispute_hold") }) });
  await expect(hold).toHaveCount(1);
  await expect(hold).toContainText("£1,200.00");

  await hold.getByRole("link", { name: en("balances.types.dispute_hold") }).click();
  await expect(page.getByRole("heading", { name: en("balances.types.dispute_hold") })).toBeVisible();
  await expect(page.getByText(en("balances.entry.linesHint"))).toBeVisible();

  await page.goto(`/o/${DEMO.org}/balances?currency=USD`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: en("common.buttons.exportCsv") }).click()]);
  const csv = await (await download.createReadStream()).toArray();
  const text = Buffer.concat(csv).toString("utf8");
  expect(text.split("\r\n")[0]).toContain("line_id");
  expect(text).toContain("collection");
  expect(text).not.toContain("GBP");
});

test("the history in Chinese shows an entry's description in Chinese", async ({ page, context, baseURL }) => {
  await signIn(page, DEMO.finance, DEMO_PASSWORD);
  await context.addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: baseURL! }]);
  // The demo's USD conversion was posted as "USD 8000.00 → CNY … @ …".
  await page.goto(`/o/${DEMO.org}/balances?currency=USD&type=fx_conversion`);
  const conversion = page.locator("tbody tr").filter({ has: page.getByRole("link", { name: msg("zh-CN", "balances.types.fx_conversion") }) });
  await expect(conversion.first()).toContainText(/换汇：USD [\d.]+ → CNY [\d.]+，汇率 [\d.]+/);
  await expect(conversion.first()).not.toContainText(" @ ");
});

test("an amount filter without a currency is explained, not guessed", async ({ page }) => {
  await signIn(page, DEMO.finance, DEMO_PASSWORD);
  await page.goto(`/o/${DEMO.org}/balances?min=100`);
  await expect(page.getByText(en("errors.history_amount_needs_currency"))).toBeVisible();
});
