import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { en } from "./messages";
import { readMailLink } from "./mailbox";
import type { Authenticator } from "./totp";

export const DEMO_PASSWORD = "Harbour-Crane-2026";
export const DEMO = {
  owner: "owner@demo.quayside.test",
  finance: "finance@demo.quayside.test",
  viewer: "viewer@demo.quayside.test",
  otherOrg: "lingnan-textiles",
  org: "haiguang-hardware",
} as const;

export interface Identity {
  name: string;
  email: string;
  company: string;
  password: string;
}

let counter = 0;

/** A person nobody used before in this database: unique email per run and per call. */
export function newIdentity(prefix = "factory"): Identity {
  const id = `${Date.now()}-${++counter}`;
  return {
    name: `Test ${prefix} ${counter}`,
    email: `${prefix}-${id}@example.test`,
    company: `Ningbo Test Fasteners ${id} Co., Ltd.`,
    password: `Tidal-Lantern-${id.slice(-6)}-Kelp!`,
  };
}

/** The UI in English: the cookie the language switch sets. */
export async function useEnglish(context: BrowserContext, baseURL: string | undefined): Promise<void> {
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL ?? "http://localhost:3100" }]);
}

/** Another browser (its own cookies), in English; the caller closes it. */
export async function newEnglishContext(browser: Browser, baseURL: string | undefined): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, locale: "en-US" });
  await useEnglish(context, baseURL);
  return context;
}

/** Signs a new factory up through /sign-up and confirms the email through the link in the dev mailbox. */
export async function signUpAndVerify(page: Page, who: Identity): Promise<void> {
  await page.goto("/sign-up");
  await page.getByRole("textbox", { name: en("auth.signUp.name"), exact: true }).fill(who.name);
  await page.getByRole("textbox", { name: en("auth.signUp.email"), exact: true }).fill(who.email);
  await page.getByRole("textbox", { name: en("auth.signUp.companyName"), exact: true }).fill(who.company);
  await page.getByRole("textbox", { name: en("auth.signUp.password"), exact: true }).fill(who.password);
  await page.getByRole("button", { name: en("auth.signUp.submit") }).click();
  await page.waitForURL(/\/check-email\?/);
  await expect(page.getByRole("heading", { name: en("auth.checkEmail.title") })).toBeVisible();

  const link = await readMailLink(page, who.email, "/verify-email?token=");
  await page.goto(link);
  await page.getByRole("button", { name: en("auth.verifyEmail.submit") }).click();
  await page.waitForURL(/\/sign-in\?verified=1/);
  await expect(page.getByText(en("auth.signIn.verified"))).toBeVisible();
}

/** Fills the sign-in form and submits it; returns once the server answered (the page may still be rendering). */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  if (!new URL(page.url(), "http://x").pathname.startsWith("/sign-in")) await page.goto("/sign-in");
  await page.getByRole("textbox", { name: en("auth.signIn.email"), exact: true }).fill(email);
  await page.getByRole("textbox", { name: en("auth.signIn.password"), exact: true }).fill(password);
  const answered = page.waitForResponse((response) => response.url().includes("/api/auth/callback/credentials"));
  await page.getByRole("button", { name: en("auth.signIn.submit"), exact: true }).click();
  await answered;
}

/**
 * Signs in and waits until the app has opened the landing page (an organization's members page for members).
 * With `authenticator`, expects the second step and enters a fresh code.
 */
export async function signIn(page: Page, email: string, password: string, authenticator?: Authenticator): Promise<void> {
  await page.goto("/sign-in");
  await submitSignIn(page, email, password);
  if (authenticator) {
    const code = page.getByRole("textbox", { name: en("auth.signIn.code"), exact: true });
    await expect(code).toBeVisible();
    await code.fill(await authenticator.code(page));
    await page.getByRole("button", { name: en("auth.signIn.verify") }).click();
  }
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

/**
 * After signing in, members land on a section of one of their organizations (which one depends on the
 * organization's state); waits for that page and returns the organization's slug.
 */
export async function landedOrganization(page: Page): Promise<string> {
  await page.waitForURL(/\/o\/[^/]+\/[^/?#]+/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  return orgSlug(page);
}

/** Opens an organization's members page. */
export async function openMembers(page: Page, slug: string): Promise<void> {
  await page.goto(`/o/${slug}/members`);
  await expect(page.getByRole("heading", { level: 1, name: en("organization.members.title") })).toBeVisible();
}

/** The slug in an /o/<slug>/… URL. */
export function orgSlug(page: Page): string {
  const match = /\/o\/([^/?#]+)/.exec(new URL(page.url()).pathname);
  if (!match) throw new Error(`not an organization page: ${page.url()}`);
  return match[1]!;
}
