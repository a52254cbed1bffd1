import { expect, test } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, newIdentity, signIn, signUpAndVerify, useEnglish } from "./support/auth";
import { en } from "./support/messages";

test.beforeEach(async ({ context, baseURL }) => useEnglish(context, baseURL));

test("a finance member sees the EUR IBAN and the USD routing details and copies the IBAN", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page, DEMO.finance, DEMO_PASSWORD);
  await page.goto(`/o/${DEMO.org}/receiving`);
  await expect(page.getByRole("heading", { name: en("collections.receiving.title"), level: 1 })).toBeVisible();
  await expect(page.getByText(/Buyers must quote the invoice's RF reference/)).toBeVisible();

  const eur = page.getByTestId("receiving-EUR");
  const iban = eur.locator('[data-field="iban"] dd');
  await expect(iban).toHaveText(/^DE\d{2}( \d{4}){4} \d{2}/);
  const printed = (await iban.locator("span").first().innerText()).trim();
  await expect(eur.locator('[data-field="bic"] dd')).toContainText("QSBXDEFF");
  await expect(eur).toContainText("Quayside Sandbox Bank (Europe) AG");

  const usd = page.getByTestId("receiving-USD");
  await expect(usd.locator('[data-field="routingNumber"] dt')).toHaveText(en("collections.details.fields.routingNumber"));
  await expect(usd.locator('[data-field="routingNumber"] dd')).toContainText(/^\d{9}/);
  await expect(usd.locator('[data-field="accountNumber"] dd')).toContainText(/\d{12}/);

  const copy = eur.getByRole("button", { name: en("collections.details.copy", { field: en("collections.details.fields.iban") }) });
  await copy.click();
  await expect(copy).toContainText(en("collections.details.copied"));
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(printed.replace(/ /g, ""));
});

test("a factory that is not approved yet is told why it has no receiving accounts", async ({ page }) => {
  const who = newIdentity("receiving");
  await signUpAndVerify(page, who);
  await signIn(page, who.email, who.password);
  await page.waitForURL(/\/o\/[^/]+\//);
  const slug = new URL(page.url()).pathname.split("/")[2]!;
  await page.goto(`/o/${slug}/receiving`);
  const notice = page.locator("section").filter({ has: page.getByRole("heading", { name: en("collections.receiving.notApprovedTitle") }) });
  await expect(notice).toContainText(en("collections.receiving.notApproved"));
  await notice.getByRole("link", { name: en("collections.receiving.notApprovedLink") }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/onboarding`));
});

test("finance staff change the reminder settings; a bad day list is explained and a viewer only reads them", async ({ page, browser, baseURL }) => {
  await signIn(page, DEMO.finance, DEMO_PASSWORD);
  await page.goto(`/o/${DEMO.org}/invoices/settings`);
  await expect(page.getByRole("heading", { name: en("collections.reminders.title"), level: 1 })).toBeVisible();
  const after = page.getByRole("textbox", { name: en("collections.reminders.daysAfter") });
  await after.fill("0, 5");
  await page.getByRole("button", { name: en("collections.reminders.save") }).click();
  await expect(page.getByText(/each number must be between 1 and 90/)).toBeVisible();
  await after.fill("3, 10, 45");
  await page.getByRole("button", { name: en("collections.reminders.save") }).click();
  await expect(page.getByText(en("collections.reminders.saved"))).toBeVisible();

  const viewer = await browser.newContext({ baseURL, locale: "en-US" });
  await useEnglish(viewer, baseURL);
  const viewerPage = await viewer.newPage();
  await signIn(viewerPage, DEMO.viewer, DEMO_PASSWORD);
  await viewerPage.goto(`/o/${DEMO.org}/invoices/settings`);
  await expect(viewerPage.getByText(en("collections.reminders.viewerNote"))).toBeVisible();
  await expect(viewerPage.getByText("3, 10, 45 days")).toBeVisible();
  await expect(viewerPage.getByRole("button", { name: en("collections.reminders.save") })).toHaveCount(0);
  await viewer.close();
});
