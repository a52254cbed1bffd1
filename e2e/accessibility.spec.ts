import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { landedOrganization, newIdentity, openMembers, signIn, signUpAndVerify, useEnglish } from "./support/auth";
import { en } from "./support/messages";

test.beforeEach(async ({ context, baseURL }) => {
  await useEnglish(context, baseURL);
});

/** Runs axe on the page as it is and fails on serious or critical violations, listing them readably. */
async function expectNoSeriousViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => node.target.join(" ")),
    }));
  expect(serious, `serious/critical axe violations on ${page.url()}`).toEqual([]);
}

test("sign-in page has no serious accessibility violations", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: en("auth.signIn.title") })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("sign-up page has no serious accessibility violations", async ({ page }) => {
  await page.goto("/sign-up");
  await expect(page.getByRole("heading", { name: en("auth.signUp.title") })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("an owner's members page has no serious accessibility violations", async ({ page }) => {
  const who = newIdentity("a11y");
  await signUpAndVerify(page, who);
  await signIn(page, who.email, who.password);
  await openMembers(page, await landedOrganization(page));
  await expect(page.getByRole("button", { name: en("organization.members.invite") })).toBeVisible();
  await expectNoSeriousViolations(page);
});
