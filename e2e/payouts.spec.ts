import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, useEnglish } from "./support/auth";
import { en } from "./support/messages";

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

/** Signs the owner in with password and 2FA, which also counts as the fresh second factor payouts ask for. */
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

/** Fails on serious or critical axe violations, listed readably. */
async function expectNoSeriousViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({ rule: violation.id, help: violation.help, nodes: violation.nodes.map((node) => node.target.join(" ")) }));
  expect(serious, `serious/critical axe violations on ${page.url()}`).toEqual([]);
}

/** Reloads the payout's page until the job worker has moved it to `status` (it is woken when the payout commits). */
async function expectStatus(page: Page, status: string): Promise<void> {
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("payout-status")).toHaveText(en(`payouts.statuses.${status}`), { timeout: 1_000 });
  }).toPass({ timeout: 90_000 });
}

test("an expedited payout shows its fees before confirming and is paid; the owner approves a finance request with 2FA", async ({ page, context, baseURL }) => {
  test.setTimeout(240_000);
  await useEnglish(context, baseURL);
  await signInWith2fa(page, DEMO.owner);

  await test.step("request an expedited USD payout: every fee and the net are shown before confirming", async () => {
    await page.goto(`/o/${DEMO.org}/payouts`);
    await expect(page.getByRole("heading", { level: 1, name: en("payouts.title") })).toBeVisible();
    // The list's filters have a currency too: pick the request form's.
    const requestForm = page.locator("form").filter({ has: page.getByRole("button", { name: en("payouts.form.preview") }) });
    await requestForm.getByRole("combobox", { name: en("payouts.form.currency") }).selectOption("USD");
    await page.getByRole("textbox", { name: en("payouts.form.amount") }).fill("1,000.00");
    await page.getByRole("radio", { name: new RegExp(en("payouts.form.expedited")) }).check();
    await page.getByRole("button", { name: en("payouts.form.preview") }).click();
    const preview = page.getByTestId("payout-preview");
    await expect(preview.getByTestId("fee-payout")).toContainText(/USD\s1\.00/);
    await expect(preview.getByTestId("fee-expedited_payout")).toContainText(/1 % of USD\s1,000\.00/);
    await expect(preview.getByTestId("fee-expedited_payout")).toContainText(/USD\s10\.00/);
    await expect(preview.getByTestId("payout-net")).toHaveText(/USD\s989\.00/);
    await expectNoSeriousViolations(page);
    await preview.getByRole("button", { name: en("payouts.preview.confirm") }).click();
    await page.waitForURL(/\/payouts\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId("payout-net")).toHaveText(/USD\s989\.00/);
  });

  await test.step("the sandbox bank pays it the same day", async () => {
    await expectStatus(page, "paid");
    await expect(page.getByTestId("payout-reference")).toHaveText(/^QSBXP[0-9A-F]{14}$/);
    await expect(page.getByTestId("payout-timeline")).toContainText(en("payouts.detail.events.paid"));
    await expectNoSeriousViolations(page);
  });

  await test.step("approve the finance member's payout above the threshold; it is paid", async () => {
    await page.goto(`/o/${DEMO.org}/payouts`);
    const waiting = page.getByTestId("payout-row").filter({ hasText: en("payouts.statuses.requested") }).first();
    await waiting.getByRole("link").click();
    await expect(page.getByRole("heading", { name: en("payouts.approval.title") })).toBeVisible();
    await page.getByRole("button", { name: en("payouts.approval.approve") }).click();
    await expectStatus(page, "paid");
    await expect(page.getByTestId("payout-timeline")).toContainText(en("payouts.detail.events.approved", { name: "陈海光 Chen Haiguang" }));
  });
});
