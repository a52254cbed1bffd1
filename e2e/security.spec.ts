import { expect, test, type Page } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, landedOrganization, newEnglishContext, newIdentity, openMembers, signIn, signUpAndVerify, submitSignIn, useEnglish } from "./support/auth";
import { en } from "./support/messages";
import { expectNotFoundPage, mainNav } from "./support/shell";
import { Authenticator } from "./support/totp";

test.beforeEach(async ({ context, baseURL }) => {
  await useEnglish(context, baseURL);
});

function loginHistory(page: Page) {
  return page.getByRole("table", { name: en("account.history.title") });
}

test("five wrong passwords lock the account, and the login history lists the failures and the success", async ({ page, browser, baseURL }) => {
  const who = newIdentity("lockout");
  await signUpAndVerify(page, who);
  // Signed in before the lock: this session outlives it and can read the history afterwards.
  await signIn(page, who.email, who.password);

  const attacker = await newEnglishContext(browser, baseURL);
  try {
    const other = await attacker.newPage();
    await other.goto("/sign-in");
    const alert = other.locator("form").getByRole("alert");
    for (let attempt = 1; attempt <= 4; attempt++) {
      await submitSignIn(other, who.email, `${who.password}-wrong-${attempt}`);
      await expect(alert).toHaveText(en("errors.invalid_credentials"));
    }
    await submitSignIn(other, who.email, `${who.password}-wrong-5`);
    await expect(alert).toHaveText(en("errors.account_locked"));
    // Locked means locked: the right password is refused too.
    await submitSignIn(other, who.email, who.password);
    await expect(alert).toHaveText(en("errors.account_locked"));
    expect(new URL(other.url()).pathname).toBe("/sign-in");
  } finally {
    await attacker.close();
  }

  await page.goto("/account/security");
  const history = loginHistory(page);
  const rows = history.locator("tbody tr");
  await expect(rows).toHaveCount(7);
  await expect(rows.filter({ hasText: en("account.history.reasons.bad_password") })).toHaveCount(5);
  await expect(rows.filter({ hasText: en("account.history.reasons.account_locked") })).toHaveCount(1);
  await expect(rows.filter({ hasText: en("account.history.failure") })).toHaveCount(6);
  await expect(rows.filter({ hasText: en("account.history.success") })).toHaveCount(1);
});

test("“Sign out of all sessions” ends the session of another browser", async ({ page, browser, baseURL }) => {
  const who = newIdentity("sessions");
  await signUpAndVerify(page, who);
  await signIn(page, who.email, who.password);

  const second = await newEnglishContext(browser, baseURL);
  try {
    const other = await second.newPage();
    await signIn(other, who.email, who.password);
    await landedOrganization(other);

    await page.goto("/account/security");
    const sessions = page.getByRole("table", { name: en("account.sessions.title") });
    await expect(sessions.locator("tbody tr")).toHaveCount(2);
    await page.getByRole("button", { name: en("account.sessions.signOutEverywhere") }).click();
    await page.waitForURL(/\/sign-in$/);
    await expect(page.getByRole("heading", { name: en("auth.signIn.title") })).toBeVisible();

    // The other browser still holds its cookie; its next navigation finds the session revoked.
    await other.goto("/account/security");
    await other.waitForURL(/\/sign-in/);
    await expect(other.getByRole("heading", { name: en("auth.signIn.title") })).toBeVisible();
  } finally {
    await second.close();
  }
});

test("a viewer sees Members without the invite form, and the audit log answers 404", async ({ page }) => {
  await signIn(page, DEMO.viewer, DEMO_PASSWORD);
  expect(await landedOrganization(page)).toBe(DEMO.org);
  await openMembers(page, DEMO.org);
  await expect(page.getByTestId(`member-${DEMO.viewer}`)).toBeVisible();
  await expect(page.getByRole("heading", { name: en("organization.members.inviteTitle") })).toHaveCount(0);
  await expect(page.getByRole("button", { name: en("organization.members.invite") })).toHaveCount(0);
  await expect(page.getByRole("button", { name: en("organization.members.changeRole") })).toHaveCount(0);
  await expect(mainNav(page).getByRole("link", { name: en("common.nav.audit") })).toHaveCount(0);

  const response = await page.goto(`/o/${DEMO.org}/audit`);
  expect(response?.status()).toBe(404);
  await expectNotFoundPage(page);
});

test("a finance member opening /admin gets 404", async ({ page }) => {
  await signIn(page, DEMO.finance, DEMO_PASSWORD);
  expect(await landedOrganization(page)).toBe(DEMO.org);
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(404);
  await expectNotFoundPage(page);
});

test("the recovery codes stay on screen after two-factor authentication is turned on", async ({ page }) => {
  const who = newIdentity("recovery");
  await signUpAndVerify(page, who);
  await signIn(page, who.email, who.password);
  await landedOrganization(page);
  await page.goto("/account/security");
  await page.getByRole("button", { name: en("account.twoFactor.start") }).click();
  const authenticator = new Authenticator((await page.getByTestId("totp-secret").textContent())?.trim() ?? "");
  await page.getByLabel(en("account.twoFactor.code")).fill(await authenticator.code(page));
  await page.getByRole("button", { name: en("account.twoFactor.confirm") }).click();
  // The codes the user was told to save stay until they say they saved them; only then does the page show 2FA on.
  const codes = page.getByTestId("recovery-codes").getByRole("listitem");
  await expect(codes).toHaveCount(10);
  await page.waitForTimeout(1_000);
  await expect(codes).toHaveCount(10);
  await page.getByRole("button", { name: en("account.twoFactor.savedCodes") }).click();
  await expect(page.getByText(en("account.twoFactor.on"), { exact: true })).toBeVisible();
  await expect(page.getByTestId("recovery-codes")).toHaveCount(0);
});
