import { db } from "@/db/client";
import { parseCardEvent, verifySignature } from "@/lib/domain/webhooks";
import { createIntent } from "../sandbox-card/intents";
import { cardWebhookSecret } from "./secret";
import type { CardProcessor } from "./types";

/**
 * Quayside's client for the sandbox processor. Creating an intent stands for an API call to another company:
 * it is written outside the caller's transaction, as a real processor's would be.
 */
export const sandboxCardProcessor: CardProcessor = {
  name: "sandbox",
  createPaymentIntent(input) {
    return createIntent(db(), input);
  },
  verifyWebhook({ signatureHeader, rawBody, now }) {
    const check = verifySignature({ header: signatureHeader, rawBody, secret: cardWebhookSecret(), now });
    if (!check.ok) return check;
    const event = parseCardEvent(rawBody);
    if (!event) return { ok: false, reason: "malformed", timestamp: check.timestamp };
    return { ok: true, event, timestamp: check.timestamp };
  },
};
