import { expect, type Page } from "@playwright/test";

/**
 * The newest link containing `pathPart` in mail sent to `to`, read from the dev mailbox (SMTP is off in the e2e
 * server, so every email lands there). Reloads until the message is there: the outbox row is written in the same
 * transaction as the action, but this keeps the helper independent of that detail.
 */
export async function readMailLink(page: Page, to: string, pathPart: string): Promise<string> {
  let href: string | null = null;
  await expect(async () => {
    await page.goto(`/dev/mailbox?to=${encodeURIComponent(to)}`);
    const link = page.getByTestId("mail").getByRole("link").filter({ hasText: pathPart }).first();
    href = await link.getAttribute("href", { timeout: 1_000 });
    expect(href, `a link with ${pathPart} in mail to ${to}`).toBeTruthy();
  }).toPass({ timeout: 15_000 });
  return href!;
}
