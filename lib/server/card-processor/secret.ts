import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * CARD_WEBHOOK_SECRET: the endpoint secret the card processor signs its webhooks with (a real processor shows it
 * in its dashboard). Production sets it; on a developer's machine one is generated once into .data/, like
 * AUTH_SECRET, so that the app and a separate worker process agree on it.
 */
export function cardWebhookSecret(): string {
  const configured = process.env.CARD_WEBHOOK_SECRET?.trim();
  if (configured) {
    if (configured.length < 32) throw new Error("CARD_WEBHOOK_SECRET must be at least 32 characters");
    return configured;
  }
  const file = path.resolve(".data/card-webhook-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    // "wx": of two processes starting at once, one writes and the other reads what it wrote.
    try {
      writeFileSync(file, `whsec_${randomBytes(32).toString("base64url")}`, { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  process.env.CARD_WEBHOOK_SECRET = readFileSync(file, "utf8").trim();
  return process.env.CARD_WEBHOOK_SECRET;
}
