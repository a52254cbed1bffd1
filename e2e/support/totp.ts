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
