import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import postgres from "postgres";
import { expectNotFoundPage } from "./support/shell";
import { en, msg } from "./support/messages";

/** The e2e server's database, for finding a pay link the way the factory would send it to its buyer. */
function e2eDatabase() {
  return postgres(readFileSync(".data/e2e-database-url", "utf8").trim(), { max: 1, onnotice: () => {} });
}

/**
 * The pay link of an open demo invoice nobody has tried to pay by card yet; when the demo has none left, a new
 * approved factory issues one through the app's own server functions.
 */
async function openInvoicePayLink(): Promise<string> {
  const sql = e2eDatabase();
  try {
    const [seeded] = await sql<{ pay_token: string }[]>`
      select i.pay_token from invoices i join organizations o on o.id = i.organization_id
      where o.slug = 'haiguang-hardware' and i.status = 'open'
        and not exists (select 1 from card_payments c where c.invoice_id = i.id)
      order by i.issue_date desc, i.number desc limit 1`;
    if (seeded) return seeded.pay_token;
  } finally {
    await sql.end();
  }
  const script = `
    import { createIssuedInvoiceScenario } from "./tests/fixtures/invoices.ts";
    import { ensureCollectionAccounts } from "./lib/server/collections/accounts.ts";
    import { db, closeDb } from "./db/client.ts";
    const { invoice, team } = await createIssuedInvoiceScenario();
    await db().transaction((tx) => ensureCollectionAccounts(tx, team.organization.id));
    console.log(invoice.payToken);
    await closeDb();`;
  const url = readFileSync(".data/e2e-database-url", "utf8").trim();
  return execFileSync("npx", ["tsx", "--input-type=module", "-e", script], { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" })
    .trim()
    .split("\n")
    .pop()!
    .trim();
}

/** Fails on serious or critical axe violations, listed readably. */
async function expectNoSeriousViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({ rule: violation.id, help: violation.help, nodes: violation.nodes.map((node) => node.target.join(" ")) }));
  expect(serious, `serious/critical axe violations on ${page.url()}`).toEqual([]);
}

/** A browser nobody signed in with, in English (as an overseas buyer's would be). */
async function buyerPage(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: "en-US" });
  return context.newPage();
}

/** Opens the pay page, checks what is due and goes to the processor's page; returns the amount due. */
async function startCardPayment(page: Page, token: string): Promise<string> {
  await page.goto(`/pay/${token}`);
  await expect(page.getByRole("heading", { level: 1, name: /^Invoice INV-/ })).toBeVisible();
  await expect(page.getByTestId("rf-reference")).toHaveText(/^RF\d{2}( [A-Z0-9]{1,4})+$/);
  const due = (await page.getByTestId("due-amount").textContent())!.trim();
  await page.getByRole("button", { name: en("pay.card.submit", { amount: due }) }).click();
  await page.waitForURL(/\/sandbox\/card\/pi_[0-9a-f]{32}$/);
  await expect(page.getByTestId("checkout-amount")).toHaveText(due);
  return due;
}

async function enterCard(page: Page, number: string, amount: string): Promise<void> {
  await page.getByRole("textbox", { name: en("pay.sandbox.number"), exact: true }).fill(number);
  await page.getByRole("textbox", { name: en("pay.sandbox.expiry"), exact: true }).fill("12/34");
  await page.getByRole("textbox", { name: en("pay.sandbox.cvc"), exact: true }).fill("123");
  await page.getByRole("textbox", { name: en("pay.sandbox.name"), exact: true }).fill("Maria Jensen");
  await page.getByRole("button", { name: en("pay.sandbox.submit", { amount }) }).click();
}

test.describe("the buyer's pay page", () => {
  test("pays the due instalment with 4242 4242 4242 4242 without signing in", async ({ browser, baseURL }) => {
    const token = await openInvoicePayLink();
    const page = await buyerPage(browser, baseURL);
    const due = await startCardPayment(page, token);
    await expectNoSeriousViolations(page); // the processor's checkout page

    // The processor checks the card on its own page before anything is sent.
    await enterCard(page, "4242 4242 4242 4241", due);
    await expect(page.getByText(en("pay.sandbox.problems.invalid_number"))).toBeVisible();
    await enterCard(page, "4242 4242 4242 4242", due);

    await page.waitForURL(new RegExp(`/pay/${token}\\?card=`));
    await expect(page.getByText(en("pay.notice.succeededTitle"))).toBeVisible();
    // The signed webhook reached Quayside: the instalment shows paid in the schedule.
    await expect(async () => {
      await page.reload();
      await expect(page.getByRole("table").getByText(en("pay.schedule.statuses.paid")).first()).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 90_000 });
    await page.context().close();
  });

  test("a declined card (4000 0000 0000 0002) says so and leaves the invoice to pay", async ({ browser, baseURL }) => {
    const token = await openInvoicePayLink();
    const page = await buyerPage(browser, baseURL);
    const due = await startCardPayment(page, token);
    await enterCard(page, "4000 0000 0000 0002", due);
    await page.waitForURL(new RegExp(`/pay/${token}\\?card=`));
    await expect(page.getByText(en("pay.notice.declinedTitle"))).toBeVisible();
    await expect(page.getByTestId("due-amount")).toHaveText(due);
    await expect(page.getByRole("button", { name: en("pay.card.submit", { amount: due }) })).toBeVisible();
    await page.context().close();
  });

  test("a card asking for 3-D Secure (4000 0027 6000 3184) succeeds once the challenge is completed", async ({ browser, baseURL }) => {
    const token = await openInvoicePayLink();
    const page = await buyerPage(browser, baseURL);
    const due = await startCardPayment(page, token);
    await enterCard(page, "4000 0027 6000 3184", due);
    await page.waitForURL(/\/sandbox\/card\/pi_[0-9a-f]{32}\/challenge$/);
    await expect(page.getByRole("heading", { name: en("pay.sandbox.challenge.title") })).toBeVisible();
    const code = /\d{6}/.exec((await page.getByTestId("challenge-hint").textContent())!)![0];
    await page.getByRole("textbox", { name: en("pay.sandbox.challenge.code"), exact: true }).fill(code);
    await page.getByRole("button", { name: en("pay.sandbox.challenge.approve") }).click();
    await page.waitForURL(new RegExp(`/pay/${token}\\?card=`));
    await expect(page.getByText(en("pay.notice.succeededTitle"))).toBeVisible();
    await page.context().close();
  });

  test("a Chinese browser gets the page in Chinese, and the language switch turns it into English", async ({ browser, baseURL }) => {
    const token = await openInvoicePayLink();
    const context = await browser.newContext({ baseURL, locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto(`/pay/${token}`);
    await expect(page.getByRole("heading", { level: 1, name: /^发票 INV-/ })).toBeVisible();
    await expect(page.getByText(msg("zh-CN", "pay.bank.quoteThis"))).toBeVisible();
    await expectNoSeriousViolations(page);
    await page.getByRole("button", { name: msg("zh-CN", "common.locale.en") }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^Invoice INV-/ })).toBeVisible();
    await expect(page.getByText(en("pay.bank.quoteThis"))).toBeVisible();
    await context.close();
  });

  test("an unknown link answers like any missing page", async ({ browser, baseURL }) => {
    const page = await buyerPage(browser, baseURL);
    const response = await page.goto(`/pay/${"A".repeat(43)}`);
    expect(response?.status()).toBe(404);
    // The app's own 404, in the language it defaults to without a cookie: nothing about any invoice.
    await expectNotFoundPage(page, "zh-CN");
    await expect(page.getByText(/INV-/)).toHaveCount(0);
    await page.context().close();
  });
});
