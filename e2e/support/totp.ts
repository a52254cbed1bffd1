import type { Page } from "@playwright/test";
import { authenticator } from "otplib";

// The server's settings (lib/server/auth/totp.ts): SHA-1, 6 digits, 30-second steps.
authenticator.options = { digits: 6, step: 30, window: 1 };

const STEP_MS = 30_000;

function currentStep(): number {
  return Math.floor(Date.now() / STEP_MS);
}

/**
 * An authenticator app for one secret. The server refuses a code from a 30-second step it has already accepted
 * for the user (replay protection), so `code()` waits for the next step when the current one was used — the only
 * fixed wait the suite allows itself.
 */
export class Authenticator {
  private lastStep = -1;

  constructor(readonly secret: string) {}

  async code(page: Page): Promise<string> {
    if (currentStep() <= this.lastStep) {
      const msToNextStep = STEP_MS - (Date.now() % STEP_MS);
      await page.waitForTimeout(msToNextStep + 500);
    }
    // Not in the last half second of a step, so that the code is not about to age past the server's window.
    if (STEP_MS - (Date.now() % STEP_MS) < 500) await page.waitForTimeout(STEP_MS - (Date.now() % STEP_MS) + 100);
    this.lastStep = currentStep();
    return authenticator.generate(this.secret);
  }
}

/**
 * Starts recording the recovery codes the moment they are rendered (a MutationObserver, so that even a list that
 * is shown only briefly is seen); read them with `recordedRecoveryCodes`.
 */
export async function recordRecoveryCodes(page: Page): Promise<void> {
  await page.evaluate(() => {
    const store = window as unknown as { __recoveryCodes?: string[] };
    delete store.__recoveryCodes;
    const grab = () => {
      const list = document.querySelector('[data-testid="recovery-codes"]');
      if (list && !store.__recoveryCodes) store.__recoveryCodes = Array.from(list.querySelectorAll("li"), (item) => item.textContent?.trim() ?? "");
    };
    new MutationObserver(grab).observe(document.body, { childList: true, subtree: true });
    grab();
  });
}

export async function recordedRecoveryCodes(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __recoveryCodes?: string[] }).__recoveryCodes ?? []);
}
