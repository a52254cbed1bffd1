import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import postgres from "postgres";
import { DEMO, DEMO_PASSWORD, newEnglishContext, signIn } from "./support/auth";
import { expectNotFoundPage } from "./support/shell";
import { en } from "./support/messages";

const AGENT = "agent@demo.quayside.test";

// A 1×1 PNG (the "photo") and a one-page PDF: the upload rules look at their content.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/MediaBox[0 0 200 200]/Parent 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

function e2eDatabaseUrl(): string {
  return readFileSync(".data/e2e-database-url", "utf8").trim();
}

/** An ops command against the e2e server's database (the same CLI an operator runs); returns its last line. */
function ops(...args: string[]): string {
  return execFileSync("npx", ["tsx", "scripts/ops.ts", ...args], { env: { ...process.env, DATABASE_URL: e2eDatabaseUrl() }, encoding: "utf8" })
    .trim()
    .split("\n")
    .pop()!
    .trim();
}

/**
 * A paid USD invoice of the demo factory whose buyer has no case yet (a buyer with several recent cases would go
 * straight to L3), while the factory's available USD covers the disputed amount (so all of it is reserved at once).
 */
async function disputableInvoice(disputedMinor: bigint): Promise<{ id: string; number: string }> {
  const sql = postgres(e2eDatabaseUrl(), { max: 1, onnotice: () => {} });
  try {
    const [invoice] = await sql<{ id: string; number: string }[]>`
      select i.id, i.number from invoices i join organizations o on o.id = i.organization_id
      where o.slug = ${DEMO.org} and i.currency = 'USD' and i.status <> 'void' and i.paid_minor >= ${disputedMinor.toString()}
        and not exists (select 1 from disputes d where d.buyer_id = i.buyer_id)
        and (select coalesce(sum(a.balance_minor), 0) from ledger_accounts a
             where a.organization_id = o.id and a.kind = 'available' and a.currency = 'USD') >= ${disputedMinor.toString()}
      order by i.number limit 1`;
    if (!invoice) throw new Error("the demo factory has no paid USD invoice of a buyer without cases");
    return invoice;
  } finally {
    await sql.end();
  }
}

/** Signs a seeded staff member in with password and 2FA; a code whose 30-second step was used already is retried. */
async function signInStaff(page: Page, email: string): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    if (30_000 - (Date.now() % 30_000) < 2_000) await page.waitForTimeout(30_000 - (Date.now() % 30_000) + 500);
    await page.goto("/sign-in");
    await page.getByRole("textbox", { name: en("auth.signIn.email") }).fill(email);
    await page.getByRole("textbox", { name: en("auth.signIn.password"), exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: en("auth.signIn.submit"), exact: true }).click();
    const code = page.getByLabel(en("auth.signIn.code"));
    await expect(code).toBeVisible();
    await code.fill(ops("totp", email));
    await page.getByRole("button", { name: en("auth.signIn.verify") }).click();
    try {
      await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"), { timeout: 10_000 });
      return;
    } catch {
      await page.waitForTimeout(30_000 - (Date.now() % 30_000) + 500);
    }
  }
  throw new Error(`could not sign ${email} in with 2FA`);
}

async function expectNoSeriousViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({ rule: violation.id, help: violation.help, nodes: violation.nodes.map((node) => node.target.join(" ")) }));
  expect(serious, `serious/critical axe violations on ${page.url()}`).toEqual([]);
}

async function staffPage(browser: Browser, baseURL: string | undefined, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newEnglishContext(browser, baseURL);
  const page = await context.newPage();
  await signInStaff(page, email);
  return { context, page };
}

test.afterAll(() => {
  // Later specs run on the real time again.
  ops("clock:reset");
});

/*
 * Issue 8's journey. Every case opens in L1 (lib/domain/disputes DEFAULT_TIER), the front line with a first response
 * due within 24 h; so the clock moves 25 h, the timers flag and count the breach and escalate the quality claim to
 * L2's specialists, where the agent (no admin: L2 is an agent's decision) decides partial.
 */
test("a quality claim with a photo: the buyer answers by link, the agent claims it, sees the L1 breach and the case in L2, decides partial, the factory sees both parts", async ({
  page,
  context,
  browser,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const invoice = await disputableInvoice(10_000n);
  const contexts: BrowserContext[] = [];
  let buyerLink = "";
  let number = "";
  let disputeId = "";

  await test.step("a finance member opens a quality claim from the invoice, with a photo, and gets the buyer's link", async () => {
    await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL ?? "http://localhost:3100" }]);
    await signIn(page, DEMO.finance, DEMO_PASSWORD);
    await page.goto(`/o/${DEMO.org}/invoices/${invoice.id}`);
    await page.getByRole("link", { name: en("disputes.open.button") }).click();
    await expect(page.getByRole("heading", { level: 1, name: en("disputes.open.title") })).toBeVisible();
    await page.getByLabel(en("disputes.open.category")).selectOption("quality_claim");
    await page.getByRole("textbox", { name: en("disputes.open.amount", { currency: "USD" }) }).fill("100.00");
    await page.getByRole("textbox", { name: en("disputes.open.buyerClaim") }).fill("Twelve hinges arrived with cracked plating.");
    await page.getByRole("textbox", { name: en("disputes.open.descriptionLabel") }).fill("The batch passed our inspection before shipment; photo of the buyer's sample attached.");
    await page.getByLabel(en("disputes.open.evidenceKind")).selectOption("photo");
    await page.getByLabel(en("disputes.evidence.file")).setInputFiles({ name: "cracked-hinge.png", mimeType: "image/png", buffer: PNG });
    await page.getByRole("button", { name: en("disputes.open.submit") }).click();

    const opened = page.getByTestId("dispute-opened");
    await expect(opened).toBeVisible();
    await expect(opened.getByRole("status").first()).toContainText("USD 100.00");
    await expect(page.getByTestId("dispute-upload-failed")).toHaveCount(0);
    buyerLink = await page.getByTestId("buyer-link").inputValue();
    expect(buyerLink).toMatch(/\/dispute\/[A-Za-z0-9_-]{43}$/);

    await page.getByRole("link", { name: en("disputes.open.goToCase") }).click();
    await page.waitForURL(/\/disputes\/[0-9a-f-]{36}$/);
    disputeId = page.url().split("/").pop()!;
    number = (await page.getByTestId("dispute-number").innerText()).trim();
    await expect(page.getByTestId("dispute-tier")).toHaveText("L1");
    await expect(page.getByTestId("dispute-reserved")).toContainText("USD 100.00");
    await expect(page.getByTestId("dispute-evidence-item")).toContainText("cracked-hinge.png");
    await expectNoSeriousViolations(page);
  });

  await test.step("the buyer, in a browser of its own and without an account, reads the case and answers with a document", async () => {
    const buyerContext = await browser.newContext({ baseURL, locale: "en-US" });
    contexts.push(buyerContext);
    const buyer = await buyerContext.newPage();
    await buyer.goto(buyerLink);
    await expect(buyer.getByRole("heading", { level: 1, name: en("disputes.buyer.title", { number }) })).toBeVisible();
    await expect(buyer.getByTestId("dispute-evidence-item")).toContainText("cracked-hinge.png");
    await buyer.getByRole("textbox", { name: en("disputes.thread.replyLabel") }).fill("Our inspector's report is attached: 12 of 400 hinges are affected.");
    await buyer.getByRole("button", { name: en("disputes.thread.send") }).click();
    await expect(buyer.getByTestId("dispute-message").filter({ hasText: "12 of 400 hinges" })).toHaveAttribute("data-author", "buyer");
    const upload = buyer.getByTestId("evidence-upload");
    await upload.getByLabel(en("disputes.evidence.kind")).selectOption("inspection_report");
    await upload.getByLabel(en("disputes.evidence.file")).setInputFiles({ name: "inspection-report.pdf", mimeType: "application/pdf", buffer: PDF });
    await upload.getByRole("button", { name: en("disputes.evidence.upload") }).click();
    await expect(upload.getByText(en("disputes.evidence.uploaded"))).toBeVisible();
    await expect(buyer.getByTestId("dispute-evidence-item")).toHaveCount(2);
    await expectNoSeriousViolations(buyer);
    // Another token opens nothing: the app's own 404, in the language it defaults to without a cookie.
    const response = await buyer.goto(`/dispute/${"A".repeat(43)}`);
    expect(response?.status()).toBe(404);
    await expectNotFoundPage(buyer, "zh-CN");
  });

  const agent = await staffPage(browser, baseURL, AGENT);
  contexts.push(agent.context);

  await test.step("the agent finds the case in the queue and claims it", async () => {
    await agent.page.goto("/admin/disputes");
    await expect(agent.page.getByRole("heading", { level: 1, name: en("disputes.admin.queueTitle") })).toBeVisible();
    const row = agent.page.locator(`[data-testid="queue-row"][data-number="${number}"]`);
    await expect(row.getByTestId("dispute-tier")).toHaveText("L1");
    await expect(row.getByTestId("dispute-deadline")).toContainText(en("disputes.deadline.first_response"));
    await expectNoSeriousViolations(agent.page);
    await row.getByRole("button", { name: en("disputes.admin.claimNamed", { number }) }).click();
    await expect(row).toContainText("Dispute Agent");
    await row.getByRole("link", { name: en("disputes.admin.openCase", { number }) }).click();
    await expect(agent.page.getByTestId("dispute-assignee")).toContainText("Dispute Agent");
    await expect(agent.page.getByTestId("dispute-message").filter({ hasText: "12 of 400 hinges" })).toBeVisible();
    await expect(agent.page.getByTestId("dispute-evidence-item")).toHaveCount(2);
    await expectNoSeriousViolations(agent.page);
  });

  await test.step("the L1 level passes on the test clock: the queue flags the breach and the case is escalated to L2", async () => {
    ops("clock:advance", "25h");
    await agent.page.goto("/admin/disputes?breached=1");
    const row = agent.page.locator(`[data-testid="queue-row"][data-number="${number}"]`);
    await expect(row.getByTestId("dispute-breached")).toBeVisible();
    await expect(row.getByTestId("dispute-tier")).toHaveText("L2");
    await row.getByRole("link", { name: en("disputes.admin.openCase", { number }) }).click();
    await expect(agent.page.getByTestId("dispute-breach-alert")).toBeVisible();
    await expect(agent.page.getByTestId("dispute-tier")).toHaveText("L2");
    const breached = agent.page.locator('[data-testid="dispute-event"][data-kind="breached"]');
    await expect(breached.filter({ hasText: en("disputes.deadline.first_response") })).toHaveCount(1);
    await expect(agent.page.locator('[data-testid="dispute-event"][data-kind="escalated"]')).toContainText("L1 → L2");
    // L2 is the specialists' level: the decision is the agent's own.
    await expect(agent.page.getByTestId("decision-needs-admin")).toHaveCount(0);
  });

  await test.step("the agent decides partial at L2: USD 40.00 back to the buyer, the rest released", async () => {
    const form = agent.page.getByTestId("decide-form");
    await form.getByLabel(en("disputes.admin.decide.outcome")).selectOption("partial");
    await form.getByRole("textbox", { name: en("disputes.admin.decide.buyerShare", { currency: "USD" }) }).fill("40.00");
    await form.getByRole("textbox", { name: en("disputes.admin.decide.note") }).fill("12 of 400 hinges affected; the buyer keeps them at a discount.");
    await form.getByLabel(en("disputes.admin.decide.rootCause")).selectOption("quality");
    await form.getByRole("button", { name: en("disputes.admin.decide.submit") }).click();
    await expect(agent.page.getByTestId("dispute-status")).toHaveText(en("disputes.status.closed"));
  });

  await test.step("the factory sees the released and the refunded parts on the case and in its balances", async () => {
    await page.goto(`/o/${DEMO.org}/disputes/${disputeId}`);
    await expect(page.getByTestId("dispute-factory-share")).toContainText("USD 60.00");
    await expect(page.getByTestId("dispute-buyer-share")).toContainText("USD 40.00");
    const decision = page.getByTestId("dispute-entry").filter({ hasText: "partial" });
    await expect(decision.locator('[data-testid="dispute-entry-line"][data-kind="available"]')).toContainText("+USD 60.00");
    await expect(decision.locator('[data-testid="dispute-entry-line"][data-kind="reserved"]')).toContainText("-USD 100.00");

    await page.goto(`/o/${DEMO.org}/balances?currency=USD&type=dispute_decision`);
    const lines = page.getByRole("row").filter({ hasText: number });
    await expect(lines.filter({ hasText: en("balances.available") })).toContainText("$60.00");
    await expect(lines.filter({ hasText: en("balances.reserved") })).toContainText("-$100.00");

    await page.goto(`/o/${DEMO.org}/disputes?status=decided`);
    await expect(page.getByTestId("dispute-row").filter({ hasText: number })).toContainText(en("disputes.status.closed"));
    await expect(page.getByTestId("statistic-opened")).toBeVisible();
  });

  await test.step("the platform statistics chart is reachable by keyboard, beside its table", async () => {
    await agent.page.goto("/admin/disputes/statistics");
    const chart = agent.page.getByRole("application", { name: en("disputes.statistics.outcomes") });
    await expect(chart).toHaveAttribute("tabindex", "0");
    await chart.focus();
    await agent.page.keyboard.press("ArrowRight");
    await expect(agent.page.locator("figure[aria-labelledby='platform-disputes-outcomes-title'] .recharts-tooltip-wrapper")).toContainText(/\d/);
    await expect(agent.page.getByRole("table", { name: en("disputes.statistics.outcomes") }).getByTestId("count-partial")).toContainText(/[1-9]/);
  });

  for (const opened of contexts) await opened.close();
});
