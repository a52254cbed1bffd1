import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, newEnglishContext, signIn, useEnglish } from "./support/auth";
import { en, msg } from "./support/messages";

const ADMIN = "admin@demo.quayside.test";
const zh = (key: string, values?: Record<string, string | number>) => msg("zh-CN", key, values);

/** The seeded admin's current 2FA code, from the e2e server's database (demo accounts only). */
function adminCode(): string {
  const url = readFileSync(".data/e2e-database-url", "utf8").trim();
  return execFileSync("npx", ["tsx", "scripts/ops.ts", "totp", ADMIN], { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" }).trim().split("\n").pop()!.trim();
}

/** Signs the admin in with password and 2FA (a fresh second factor, as publishing needs); a replayed step waits for the next. */
async function signInAdmin(page: Page): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    if (30_000 - (Date.now() % 30_000) < 2_000) await page.waitForTimeout(2_500);
    await page.goto("/sign-in");
    await page.getByRole("textbox", { name: en("auth.signIn.email") }).fill(ADMIN);
    await page.getByRole("textbox", { name: en("auth.signIn.password"), exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: en("auth.signIn.submit"), exact: true }).click();
    await page.getByLabel(en("auth.signIn.code")).fill(adminCode());
    await page.getByRole("button", { name: en("auth.signIn.verify") }).click();
    try {
      await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"), { timeout: 10_000 });
      return;
    } catch {
      await page.waitForTimeout(30_000 - (Date.now() % 30_000) + 500);
    }
  }
  throw new Error("could not sign the admin in with 2FA");
}

test("an admin announces a fee rise, and a finance member sees the current and the upcoming fees side by side", async ({ page, context, baseURL, browser }) => {
  test.setTimeout(120_000);
  await useEnglish(context, baseURL);
  await signInAdmin(page);

  await test.step("the admin publishes version 3, raising the USD chargeback fee", async () => {
    await page.goto("/admin/fees");
    await expect(page.getByRole("heading", { level: 1, name: en("fees.admin.title") })).toBeVisible();
    const row = page.getByTestId(`fees-${DEMO.org}`);
    await expect(row).toContainText(en("fees.admin.versionFrom", { version: 2, date: "" }).trim());
    await row.getByRole("link").click();
    await expect(page.getByRole("heading", { level: 2, name: en("fees.admin.publishTitle", { version: 3 }) })).toBeVisible();

    const effectiveFrom = page.getByLabel(en("fees.form.effectiveFrom"));
    const announced = await effectiveFrom.inputValue();
    await page.getByRole("textbox", { name: en("fees.form.chargebackLabel", { currency: "USD" }) }).fill("20.00");
    await effectiveFrom.fill(new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10));
    await page.getByRole("button", { name: en("fees.form.publish", { version: 3 }) }).click();
    // Too early: version 2 is announced for a later date, and versions only follow each other.
    await expect(page.getByRole("alert").filter({ hasText: "Version 2 takes effect on" })).toBeVisible();

    await effectiveFrom.fill(announced);
    await page.getByRole("button", { name: en("fees.form.publish", { version: 3 }) }).click();
    await expect(page.getByText(en("fees.form.published", { version: 3, date: announced }))).toBeVisible();
    await expect(page.getByTestId("fee-versions").getByRole("row").nth(1)).toContainText(en("fees.admin.status.upcoming"));
  });

  await test.step("finance sees both versions side by side, in Chinese, with the changed rows marked", async () => {
    const finance = await newEnglishContext(browser, baseURL);
    const financePage = await finance.newPage();
    await signIn(financePage, DEMO.finance, DEMO_PASSWORD);
    await finance.addCookies([{ name: "NEXT_LOCALE", value: "zh-CN", url: baseURL! }]);
    await financePage.goto(`/o/${DEMO.org}/invoices`);
    const banner = financePage.getByTestId("upcoming-fees-banner");
    await expect(banner).toContainText("第 3 版");
    await banner.getByRole("link", { name: zh("fees.banner.link") }).click();
    await expect(financePage.getByRole("heading", { level: 1, name: zh("fees.title") })).toBeVisible();

    const table = financePage.getByTestId("fee-table");
    await expect(table.getByRole("columnheader", { name: /第 1 版/ })).toBeVisible();
    await expect(table.getByRole("columnheader", { name: /第 3 版/ })).toBeVisible();
    const rowOf = (label: string) => table.getByRole("row").filter({ has: financePage.getByRole("rowheader", { name: label, exact: true }) });
    const chargeback = rowOf(zh("fees.items.chargeback_fixed", { currency: "USD" }));
    await expect(chargeback).toContainText(/USD\s15\.00/);
    await expect(chargeback).toContainText(/USD\s20\.00/);
    await expect(chargeback).toContainText(zh("fees.schedule.raised"));
    await expect(rowOf(zh("fees.items.collection_rate_base"))).toContainText(zh("fees.schedule.lowered"));
    await expect(rowOf(zh("fees.items.chargeback_fixed", { currency: "CNY" }))).toContainText(zh("fees.schedule.unchanged"));
    await expect(financePage.getByTestId("fee-example-chargeback")).toContainText(/USD\s20\.00/);

    const { violations } = await new AxeBuilder({ page: financePage }).analyze();
    expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
    await finance.close();
  });
});
