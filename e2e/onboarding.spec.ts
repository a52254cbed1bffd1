import { expect, test } from "@playwright/test";
import { DEMO, landedOrganization, newEnglishContext, newIdentity, openMembers, signIn, signUpAndVerify, submitSignIn, useEnglish } from "./support/auth";
import { readMailLink } from "./support/mailbox";
import { en, msg } from "./support/messages";
import { expectNotFoundPage, mainNav, openUserMenu, signOutViaMenu } from "./support/shell";
import { Authenticator } from "./support/totp";

// The journey, in order, as one test: each step builds on the state the previous one left.
test("sign up, verify, enrol 2FA, sign in with the code, switch language, invite a member, another org is not found", async ({
  page,
  context,
  browser,
  baseURL,
}) => {
  // One wait for the next TOTP step (sign-in after enrolment) can take up to 30 s.
  test.setTimeout(150_000);
  await useEnglish(context, baseURL);
  const owner = newIdentity("factory");
  let slug = "";
  let authenticator: Authenticator;

  await test.step("sign up and verify the email through the dev mailbox", async () => {
    await signUpAndVerify(page, owner);
  });

  await test.step("sign in and land in the new organization", async () => {
    await signIn(page, owner.email, owner.password);
    slug = await landedOrganization(page);
    await openMembers(page, slug);
    await expect(page.getByRole("button", { name: `${en("common.org.switcherLabel")}: ${owner.company}` })).toBeVisible();
  });

  await test.step("enrol two-factor authentication on the security page", async () => {
    await page.goto("/account/security");
    await page.getByRole("button", { name: en("account.twoFactor.start") }).click();
    const secret = (await page.getByTestId("totp-secret").textContent())?.trim() ?? "";
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    authenticator = new Authenticator(secret);
    await page.getByLabel(en("account.twoFactor.code")).fill(await authenticator.code(page));
    await page.getByRole("button", { name: en("account.twoFactor.confirm") }).click();
    const codes = page.getByTestId("recovery-codes").getByRole("listitem");
    await expect(codes).toHaveCount(10);
    for (const recovery of await codes.allTextContents()) expect(recovery.trim()).toMatch(/^[0-9a-z]{4}-[0-9a-z]{4}$/);
    await page.getByRole("button", { name: en("account.twoFactor.savedCodes") }).click();
    await expect(page.getByText(en("account.twoFactor.on"), { exact: true })).toBeVisible();
    await page.reload();
    await expect(page.getByText(en("account.twoFactor.on"), { exact: true })).toBeVisible();
  });

  await test.step("sign out through the user menu", async () => {
    await signOutViaMenu(page, owner.name);
  });

  await test.step("sign in again: the code step appears and a fresh code signs in", async () => {
    await submitSignIn(page, owner.email, owner.password);
    const code = page.getByRole("textbox", { name: en("auth.signIn.code"), exact: true });
    await expect(code).toBeVisible();
    await code.fill(await authenticator.code(page));
    await page.getByRole("button", { name: en("auth.signIn.verify") }).click();
    expect(await landedOrganization(page)).toBe(slug);
    await openMembers(page, slug);
  });

  await test.step("switch the language to 中文 and back to English with the user menu", async () => {
    let panel = await openUserMenu(page, owner.name, "en");
    await panel.getByRole("button", { name: msg("zh-CN", "common.locale.zh-CN") }).click();
    await expect(mainNav(page, "zh-CN").getByRole("link", { name: msg("zh-CN", "common.nav.members") })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: msg("zh-CN", "organization.members.title") })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");

    await page.keyboard.press("Escape");
    panel = await openUserMenu(page, owner.name, "zh-CN");
    await panel.getByRole("button", { name: msg("en", "common.locale.en") }).click();
    await expect(mainNav(page, "en").getByRole("link", { name: en("common.nav.members") })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: en("organization.members.title") })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });

  const member = newIdentity("member");

  await test.step("confirm it's me when asked, then invite a member as finance", async () => {
    const stepUp = page.getByRole("button", { name: en("account.stepUp.submit") });
    if (await stepUp.isVisible()) {
      await page.getByLabel(en("account.stepUp.code")).fill(await authenticator.code(page));
      await stepUp.click();
      await expect(stepUp).toBeHidden();
    }
    const invite = page.locator("form").filter({ has: page.getByRole("button", { name: en("organization.members.invite") }) });
    await invite.getByLabel(en("organization.members.inviteEmail")).fill(member.email);
    await invite.getByLabel(en("organization.members.role")).selectOption("finance");
    await invite.getByRole("button", { name: en("organization.members.invite") }).click();
    await expect(invite.getByText(en("organization.members.invited"))).toBeVisible();
    await expect(page.getByText(`${member.email} · ${en("organization.roles.finance")}`)).toBeVisible();
  });

  await test.step("the invited person signs up from the emailed link and lands in the same organization", async () => {
    const other = await newEnglishContext(browser, baseURL);
    try {
      const invitee = await other.newPage();
      const link = await readMailLink(invitee, member.email, "/invite/");
      await invitee.goto(link);
      await expect(invitee.getByRole("heading", { name: en("auth.invitation.title") })).toBeVisible();
      await expect(invitee.getByText(owner.company)).toBeVisible();
      await invitee.getByRole("textbox", { name: en("auth.signUp.name"), exact: true }).fill(member.name);
      await expect(invitee.getByRole("textbox", { name: en("auth.signUp.email"), exact: true })).toHaveValue(member.email);
      await invitee.getByRole("textbox", { name: en("auth.signUp.password"), exact: true }).fill(member.password);
      await invitee.getByRole("button", { name: en("auth.signUp.submitInvited") }).click();
      await invitee.waitForURL(/\/sign-in\?joined=1/);
      await expect(invitee.getByText(en("auth.signIn.joined"))).toBeVisible();

      await signIn(invitee, member.email, member.password);
      expect(await landedOrganization(invitee)).toBe(slug);
      await openMembers(invitee, slug);
      await expect(invitee.getByRole("button", { name: `${en("common.org.switcherLabel")}: ${owner.company}` })).toBeVisible();
      await expect(invitee.getByTestId(`member-${member.email}`)).toContainText(en("organization.roles.finance"));
    } finally {
      await other.close();
    }
    // The owner sees the new member in the list, and the invitation is no longer pending.
    await page.reload();
    await expect(page.getByTestId(`member-${member.email}`)).toBeVisible();
    await expect(page.getByText(`${member.email} · ${en("organization.roles.finance")}`)).toBeHidden();
  });

  await test.step("another organization's URL answers 'not found'", async () => {
    const response = await page.goto(`/o/${DEMO.otherOrg}/members`);
    expect(response?.status()).toBe(404);
    await expectNotFoundPage(page);
  });
});
