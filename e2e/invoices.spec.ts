import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, signIn, useEnglish } from "./support/auth";
import { en } from "./support/messages";

test.beforeEach(async ({ context, baseURL }) => useEnglish(context, baseURL));

async function expectNoSeriousViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => ({ rule: v.id, nodes: v.nodes.map((n) => n.target.join(" ")) }));
  expect(serious, `serious/critical axe violations on ${page.url()}`).toEqual([]);
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);
const medium = (iso: string) => new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));

test("finance creates a buyer and a two-line invoice with 30 % deposit and 70 % balance after B/L, issues it, then sets the B/L date", async ({ page }) => {
  test.setTimeout(120_000);
  const buyerName = `Seaview Trading ${Date.now()} Ltd`;
  await signIn(page, DEMO.finance, DEMO_PASSWORD);

  await test.step("create the buyer", async () => {
    await page.goto(`/o/${DEMO.org}/buyers/new`);
    await expect(page.getByRole("heading", { level: 1, name: en("invoices.buyers.newTitle") })).toBeVisible();
    await page.getByLabel(en("invoices.buyers.form.name")).fill(buyerName);
    await page.getByLabel(en("invoices.buyers.form.country")).selectOption("GB");
    await page.getByLabel(en("invoices.buyers.form.defaultCurrency")).selectOption("USD");
    await page.getByLabel(`${en("invoices.buyers.form.contactEmail")} 1`).fill("ap@seaview.example");
    await page.getByRole("button", { name: en("invoices.buyers.form.save") }).click();
    await expect(page.getByRole("heading", { level: 1, name: buyerName })).toBeVisible();
    await expectNoSeriousViolations(page);
  });

  await test.step("write the invoice with live totals", async () => {
    await page.getByRole("link", { name: en("invoices.buyers.detail.newInvoice") }).click();
    await expect(page.getByRole("heading", { level: 1, name: en("invoices.editor.newTitle") })).toBeVisible();
    const line = (n: number, field: string) => page.getByRole("textbox", { name: `${en("invoices.editor.line", { n })} ${en(`invoices.editor.${field}`)}`, exact: true });
    await line(1, "description").fill("Hex bolts M8×40, zinc plated");
    await line(1, "hsCode").fill("7318.15.00");
    await line(1, "quantity").fill("1,000");
    await line(1, "unitPrice").fill("2.50");
    await page.getByRole("button", { name: en("invoices.editor.addLine") }).click();
    await line(2, "description").fill("Cordless drill 18V");
    await line(2, "hsCode").fill("8467.21");
    await line(2, "quantity").fill("250");
    await line(2, "unit").fill("sets");
    await line(2, "unitPrice").fill("12.125");
    await expect(page.getByTestId("line-amount").nth(1)).toHaveText("USD 3,031.25");
    await expect(page.getByTestId("live-total")).toHaveText("USD 5,531.25");
    await expectNoSeriousViolations(page);

    await page.getByRole("radio", { name: en("invoices.terms.deposit_balance") }).check();
    await page.getByLabel(en("invoices.terms.depositPercent")).fill("30");
    await page.getByLabel(en("invoices.terms.depositDays")).fill("0");
    await page.getByLabel(en("invoices.terms.balanceDays")).fill("60");
    await page.getByLabel(en("invoices.terms.balanceAnchor")).selectOption("bill_of_lading");
    await page.getByLabel(en("invoices.editor.portOfLoading")).fill("Ningbo");
    await page.getByLabel(en("invoices.editor.portOfDischarge")).fill("Felixstowe");
    await page.getByRole("button", { name: en("invoices.editor.save") }).click();
    await expect(page.getByText(en("invoices.detail.draftNotice"))).toBeVisible();
    await expect(page.getByTestId("invoice-total")).toHaveText("USD 5,531.25");
  });

  await test.step("issue it: number, RF reference and instalments", async () => {
    await page.getByRole("button", { name: en("invoices.issue.button") }).click();
    await expect(page.getByTestId("invoice-number")).toHaveText(/^INV-\d{4}-\d{4,}$/);
    await expect(page.getByTestId("rf-reference")).toHaveText(/^RF\d{2}( [0-9A-Z]{1,4})+$/);
    await expect(page.getByTestId("pay-link")).toHaveValue(/\/pay\/[A-Za-z0-9_-]{43}$/);
    const deposit = page.getByTestId("instalment-deposit");
    const balance = page.getByTestId("instalment-balance");
    await expect(deposit.getByTestId("instalment-amount")).toHaveText("USD 1,659.38");
    await expect(balance.getByTestId("instalment-amount")).toHaveText("USD 3,871.87");
    await expect(balance.getByTestId("instalment-due")).toHaveText(en("invoices.instalments.waitingForBl", { days: 60 }));
    await expectNoSeriousViolations(page);
  });

  await test.step("set the B/L date and see the balance due date", async () => {
    const billOfLading = isoDate(new Date());
    const due = isoDate(new Date(Date.parse(`${billOfLading}T00:00:00Z`) + 60 * 86_400_000));
    await page.getByRole("link", { name: en("invoices.detail.editShipment") }).click();
    await page.getByLabel(en("invoices.editor.billOfLadingNumber")).fill("MEDUNB4471203");
    await page.getByLabel(en("invoices.editor.billOfLadingDate")).fill(billOfLading);
    await page.getByRole("button", { name: en("invoices.shipmentEdit.save") }).click();
    await expect(page.getByTestId("instalment-balance").getByTestId("instalment-due")).toHaveText(medium(due));
    await expect(page.getByTestId("shipment-bl-number")).toHaveText("MEDUNB4471203");
  });

  await test.step("the invoice is in the list, found by its number", async () => {
    const number = (await page.getByTestId("invoice-number").innerText()).trim();
    await page.goto(`/o/${DEMO.org}/invoices?q=${encodeURIComponent(number)}`);
    await expect(page.getByTestId("invoice-row")).toHaveCount(1);
    await expect(page.getByTestId("invoice-row")).toContainText(buyerName);
  });
});

test("a viewer reads invoices but gets no way to write them", async ({ page }) => {
  await signIn(page, DEMO.viewer, DEMO_PASSWORD);
  await page.goto(`/o/${DEMO.org}/invoices?status=overdue`);
  await expect(page.getByRole("heading", { level: 1, name: en("invoices.title") })).toBeVisible();
  await expect(page.getByRole("link", { name: en("invoices.new") })).toHaveCount(0);
  await expect(page.getByTestId("invoice-row").first()).toContainText(en("invoices.status.overdue"));
  await page.getByTestId("invoice-row").first().getByRole("link").click();
  await expect(page.getByTestId("rf-reference")).toBeVisible();
  await expect(page.getByRole("button", { name: en("invoices.void.button") })).toHaveCount(0);
});
