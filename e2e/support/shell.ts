import { expect, type Locator, type Page } from "@playwright/test";
import { msg, type Locale } from "./messages";

/** Opens the user menu in the top bar (its label names the user) and returns its panel. */
export async function openUserMenu(page: Page, name: string, locale: Locale = "en"): Promise<Locator> {
  const button = page.getByRole("button", { name: msg(locale, "common.user.menuLabel", { name }), exact: true });
  if ((await button.getAttribute("aria-expanded")) !== "true") await button.click();
  await expect(button).toHaveAttribute("aria-expanded", "true");
  const panelId = await button.getAttribute("aria-controls");
  const panel = page.locator(`[id="${panelId}"]`);
  await expect(panel).toBeVisible();
  return panel;
}

export async function signOutViaMenu(page: Page, name: string, locale: Locale = "en"): Promise<void> {
  const panel = await openUserMenu(page, name, locale);
  await panel.getByRole("button", { name: msg(locale, "common.user.signOut") }).click();
  await page.waitForURL(/\/sign-in/);
  await expect(page.getByRole("heading", { name: msg(locale, "auth.signIn.title") })).toBeVisible();
}

/** The main navigation of the signed-in frame. */
export function mainNav(page: Page, locale: Locale = "en"): Locator {
  return page.getByRole("navigation", { name: msg(locale, "common.nav.label") });
}

/** The app's 404 page. */
export async function expectNotFoundPage(page: Page, locale: Locale = "en"): Promise<void> {
  await expect(page.getByRole("heading", { name: msg(locale, "common.notFound.title") })).toBeVisible();
  await expect(page.getByText(msg(locale, "common.notFound.description"))).toBeVisible();
}
