import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, signIn, useEnglish } from "./support/auth";
import { en } from "./support/messages";

test.beforeEach(async ({ context, baseURL }) => useEnglish(context, baseURL));

interface SeededInvoice {
  id: string;
  number: string;
  rfReference: string;
  buyerName: string;
}

/**
 * Issues an invoice of 5,470.00 USD (1,641.00 deposit, the balance after the B/L) from Haiguang to a new buyer, in
 * the e2e server's database, through the same server functions the invoice pages use.
 */
function issueInvoice(buyerName: string): SeededInvoice {
  const url = readFileSync(".data/e2e-database-url", "utf8").trim();
  const script = `
    import { and, eq } from "drizzle-orm";
    import { closeDb, db } from "@/db/client";
    import { memberships, organizations, users } from "@/db/schema";
    import { createTestBuyer, createTestInvoice } from "@/tests/fixtures/invoices";
    const [org] = await db().select().from(organizations).where(eq(organizations.slug, ${JSON.stringify(DEMO.org)}));
    const [user] = await db().select().from(users).where(eq(users.email, ${JSON.stringify(DEMO.finance)}));
    const buyer = await createTestBuyer(org.id, user.id, { name: ${JSON.stringify(buyerName)} });
    const { invoice } = await createTestInvoice(org.id, user.id, buyer.id);
    console.log(JSON.stringify({ id: invoice.id, number: invoice.number, rfReference: invoice.rfReference, buyerName: buyer.name }));
    await closeDb();
  `;
  // A file under the ignored .data directory, so that tsx resolves the "@/" paths of tsconfig.json.
  const file = `.data/e2e-issue-invoice-${process.pid}.ts`;
  writeFileSync(file, script);
  try {
    const output = execFileSync("npx", ["tsx", file], { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });
    return JSON.parse(output.trim().split("\n").pop()!) as SeededInvoice;
  } finally {
    rmSync(file, { force: true });
  }
}

async function simulateTransfer(page: Page, fields: { amount: string; payerName: string; remittanceText?: string }) {
  await page.goto(`/o/${DEMO.org}/payments`);
  const form = page.getByTestId("simulate-transfer");
  await form.getByLabel(en("matching.simulate.currency")).selectOption("USD");
  await form.getByRole("textbox", { name: en("matching.simulate.amount"), exact: true }).fill(fields.amount);
  await form.getByRole("textbox", { name: en("matching.simulate.payerName") }).fill(fields.payerName);
  await form.getByRole("textbox", { name: en("matching.simulate.remittanceText") }).fill(fields.remittanceText ?? "");
  await form.getByRole("button", { name: en("matching.simulate.submit") }).click();
}

test("a transfer quoting the RF reference is matched automatically and pays the invoice", async ({ page }) => {
  const suffix = Date.now().toString(36);
  const invoice = issueInvoice(`Atlantic Fasteners ${suffix} Ltd`);
  await signIn(page, DEMO.finance, DEMO_PASSWORD);
  await simulateTransfer(page, { amount: "5,470.00", payerName: `ATLANTIC FASTENERS ${suffix.toUpperCase()} LTD`, remittanceText: `Invoice payment ${invoice.rfReference}` });
  await expect(page.getByText(en("matching.simulate.matched"))).toBeVisible();

  await page.getByRole("link", { name: en("matching.tabs.all") }).click();
  await page.getByLabel(en("matching.filters.q")).fill(invoice.rfReference);
  await page.getByRole("button", { name: en("common.buttons.apply") }).click();
  const row = page.getByTestId("payment-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(en("matching.status.matched"));
  await row.getByRole("link").click();
  // One row per instalment it paid: the deposit, then the balance.
  const allocations = page.getByTestId("allocation-row");
  await expect(allocations).toHaveCount(2);
  // Each is charged the collection fee as it becomes available: gross, fee and net side by side.
  for (const [index, amount] of ["$1,641.00", "$3,829.00"].entries()) {
    await expect(allocations.nth(index)).toContainText(invoice.number);
    await expect(allocations.nth(index)).toContainText(en("matching.method.rf_reference"));
    await expect(allocations.nth(index)).toContainText(amount);
    await expect(allocations.nth(index).getByTestId("allocation-fee")).toHaveText(/^\$\d+\.\d{2}$/);
    await expect(allocations.nth(index).getByTestId("allocation-net")).toHaveText(/^\$[\d,]+\.\d{2}$/);
  }

  await page.goto(`/o/${DEMO.org}/invoices/${invoice.id}`);
  await expect(page.getByText(en("invoices.status.paid")).first()).toBeVisible();
});

test("a transfer without a reference waits in the queue, is matched from a suggestion, then unmatched", async ({ page }) => {
  const suffix = Date.now().toString(36);
  const invoice = issueInvoice(`Baltic Tool Supply ${suffix} GmbH`);
  await signIn(page, DEMO.finance, DEMO_PASSWORD);
  const payer = `BALTIC TOOL SUPPLY ${suffix.toUpperCase()}`;
  await simulateTransfer(page, { amount: "1641.00", payerName: payer, remittanceText: "ORDER DEPOSIT" });
  await expect(page.getByText(en("matching.simulate.unmatched"))).toBeVisible();

  // The queue is the default tab.
  await page.goto(`/o/${DEMO.org}/payments`);
  await page.getByRole("link", { name: payer }).first().click();
  await expect(page.getByTestId("allocations")).toContainText(en("matching.allocations.empty"));
  const suggestion = page.getByTestId("suggestion").filter({ hasText: invoice.number });
  await expect(suggestion).toContainText(en("matching.suggestions.reasons.name_similar", { percent: "" }).split("(")[0]!.trim());
  // The fee, and what reaches the available balance, are shown before the match is confirmed, and follow the amount.
  const fee = suggestion.getByTestId("match-fee");
  await expect(fee.getByTestId("match-fee-applied")).toContainText("$1,641.00");
  const shownFee = /\$\d+\.\d{2}/.exec((await fee.getByTestId("match-fee-collection").textContent())!)![0];
  const shownNet = /\$[\d,]+\.\d{2}/.exec((await fee.getByTestId("match-fee-net").textContent())!)![0];
  await suggestion.getByRole("textbox", { name: en("matching.match.amount", { currency: "USD" }) }).fill("1000");
  await expect(fee.getByTestId("match-fee-applied")).toContainText("$1,000.00");
  await suggestion.getByRole("textbox", { name: en("matching.match.amount", { currency: "USD" }) }).fill("1641.00");
  await expect(fee.getByTestId("match-fee-net")).toContainText(shownNet);
  await suggestion.getByRole("button", { name: en("matching.match.submit") }).click();

  const allocation = page.getByTestId("allocation-row");
  await expect(allocation).toContainText(invoice.number);
  await expect(allocation).toContainText(en("matching.method.manual"));
  await expect(allocation.getByTestId("allocation-fee")).toHaveText(shownFee);
  await expect(allocation.getByTestId("allocation-net")).toHaveText(shownNet);
  await expect(page.getByTestId("payment-status")).toHaveText(en("matching.status.matched"));

  await allocation.getByRole("button", { name: en("matching.allocations.unmatch") }).click();
  await expect(allocation).toContainText(en("matching.allocations.reversed"));
  await expect(page.getByTestId("payment-status")).toHaveText(en("matching.status.unmatched"));
  await expect(page.getByTestId("suggestion").filter({ hasText: invoice.number })).toBeVisible();
});
