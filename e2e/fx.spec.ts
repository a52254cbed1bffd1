import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, useEnglish } from "./support/auth";
import { en } from "./support/messages";

const ADMIN = "admin@demo.quayside.test";

/** A seeded user's current 2FA code, from the e2e server's database (demo accounts only). */
function totpCode(email: string): string {
  const url = readFileSync(".data/e2e-database-url", "utf8").trim();
  return execFileSync("npx", ["tsx", "scripts/ops.ts", "totp", email], { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" })
    .trim()
    .split("\n")
    .pop()!
    .trim();
}

async function waitForNextStep(page: Page): Promise<void> {
  await page.waitForTimeout(30_000 - (Date.now() % 30_000) + 500);
}

/**
 * Signs a seeded user in with password and 2FA, which also counts as a fresh second factor for converting. The server
 * refuses a code whose 30-second step was used already (perhaps by another spec), so a refusal waits for the next step.
 */
async function signInWith2fa(page: Page, email: string): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    if (30_000 - (Date.now() % 30_000) < 2_000) await waitForNextStep(page);
    await page.goto("/sign-in");
    await page.getByRole("textbox", { name: en("auth.signIn.email") }).fill(email);
    await page.getByRole("textbox", { name: en("auth.signIn.password"), exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: en("auth.signIn.submit"), exact: true }).click();
    const code = page.getByLabel(en("auth.signIn.code"));
    await expect(code).toBeVisible();
    await code.fill(totpCode(email));
    await page.getByRole("button", { name: en("auth.signIn.verify") }).click();
    try {
      await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"), { timeout: 10_000 });
      return;
    } catch {
      await waitForNextStep(page);
    }
  }
  throw new Error(`could not sign ${email} in with 2FA`);
}

/** The minor units in a formatted amount ("CN¥56,724.84", "USD 1,000.00"), for currencies with two decimals. */
function minor(text: string): bigint {
  const digits = text.replace(/[^\d.]/g, "");
  expect(digits, text).toMatch(/^\d+\.\d{2}$/);
  return BigInt(digits.replace(".", ""));
}

/** Fails on serious or critical axe violations, listed readably. */
async function expectNoSeriousViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({ rule: violation.id, help: violation.help, nodes: violation.nodes.map((node) => node.target.join(" ")) }));
  expect(serious, `serious/critical axe violations on ${page.url()}`).toEqual([]);
}

async function balance(page: Page, currency: string): Promise<bigint> {
  return minor(await page.getByTestId(`balance-${currency}`).locator("p").first().innerText());
}

test("a quote expires, a new one is accepted, both balances change and the conversion is in the history", async ({ page, context, baseURL }) => {
  test.setTimeout(180_000);
  await useEnglish(context, baseURL);
  await signInWith2fa(page, DEMO.owner);
  await page.goto(`/o/${DEMO.org}/fx`);
  await expect(page.getByRole("heading", { name: en("fx.title") })).toBeVisible();
  const usdBefore = await balance(page, "USD");
  const cnyBefore = await balance(page, "CNY");

  await test.step("get a quote and watch it expire", async () => {
    await page.getByRole("combobox", { name: en("fx.quote.sell"), exact: true }).selectOption("USD");
    await page.getByRole("combobox", { name: en("fx.quote.buy"), exact: true }).selectOption("CNY");
    await page.getByRole("radio", { name: en("fx.quote.sideSell") }).check();
    await page.getByRole("textbox", { name: en("fx.quote.amount") }).fill("1,000.00");
    await page.getByRole("button", { name: en("fx.quote.submit") }).click();
    await page.waitForURL(/\/fx\?quote=/);
    await expect(page.getByTestId("quote-countdown")).toContainText(/Expires in \d+ seconds?/);
    await expect(page.getByTestId("quote")).toContainText("USD 1,000.00");
    await expectNoSeriousViolations(page);
    await expect(page.getByText(en("fx.offer.expired"))).toBeVisible({ timeout: 45_000 });
    await expect(page.getByRole("button", { name: en("fx.offer.accept") })).toHaveCount(0);
  });

  let received = 0n;
  let debited = 0n;
  await test.step("get a new quote and accept it", async () => {
    const expiredUrl = page.url();
    await page.getByRole("button", { name: en("fx.offer.requote") }).click();
    await page.waitForURL((url) => url.href !== expiredUrl && url.search.includes("quote="));
    await expect(page.getByTestId("quote-countdown")).toBeVisible();
    received = minor(await page.getByTestId("quote-receive").innerText());
    const quote = page.getByTestId("quote");
    debited = minor(await quote.locator("dd").nth(2).innerText());
    expect(debited).toBeGreaterThanOrEqual(100_000n);
    await page.getByRole("button", { name: en("fx.offer.accept") }).click();
    await page.waitForURL(/\/fx\?converted=/);
    await expect(page.getByRole("status").filter({ hasText: "Converted:" })).toBeVisible();
  });

  await test.step("both balances changed and the conversion is in the history", async () => {
    expect(await balance(page, "USD")).toBe(usdBefore - debited);
    expect(await balance(page, "CNY")).toBe(cnyBefore + received);
    const newest = page.getByTestId("conversion-row").first();
    await expect(newest).toContainText("USD 1,000.00");
    await expect(newest).toContainText(`CNY ${(Number(received) / 100).toLocaleString("en-US", { minimumFractionDigits: 2 })}`);

    await page.getByRole("link", { name: en("fx.history.all") }).click();
    await expect(page.getByRole("heading", { name: en("fx.history.title"), level: 1 })).toBeVisible();
    await expect(page.getByTestId("conversion-row")).toHaveCount(3);
    await expectNoSeriousViolations(page);
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: en("common.buttons.exportCsv") }).click();
    const csv = readFileSync((await (await download).path())!, "utf8");
    expect(csv).toContain("customer_rate");
    expect(csv.trim().split("\n")).toHaveLength(4);
  });
});

test("a platform admin sees the current rates, enters one by hand and sees each organization's pricing", async ({ page, context, baseURL }) => {
  test.setTimeout(120_000);
  await useEnglish(context, baseURL);
  await signInWith2fa(page, ADMIN);
  await page.goto("/admin/fx");
  await expect(page.getByRole("heading", { name: en("fx.admin.ratesTitle"), level: 1 })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "USD/CNY" })).toContainText(en("fx.admin.fresh"));
  await page.getByRole("combobox", { name: en("fx.admin.base"), exact: true }).selectOption("USD");
  await page.getByRole("combobox", { name: en("fx.admin.quoteCurrency"), exact: true }).selectOption("HKD");
  await page.getByRole("textbox", { name: en("fx.admin.rate") }).fill("7.7812");
  await page.getByRole("button", { name: en("fx.admin.save") }).click();
  await expect(page.getByText(en("fx.admin.saved"))).toBeVisible();
  await expect(page.getByRole("table", { name: en("fx.admin.recentTitle") })).toContainText("USD/HKD");

  await page.goto("/admin/fx/pricing");
  const haiguang = page.locator("section").filter({ hasText: "haiguang-hardware" });
  // The demo factory has a fee schedule of its own, which sets its FX tiers.
  await expect(haiguang).toContainText(en("fx.admin.feeSchedule"));
  await expectNoSeriousViolations(page);
});
