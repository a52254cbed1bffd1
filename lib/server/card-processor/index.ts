import { sandboxCardProcessor } from "./sandbox";
import type { CardProcessor } from "./types";

export type { CardProcessor, CreatePaymentIntentInput, PaymentIntent, WebhookVerification } from "./types";

/** The card processor Quayside uses; only the sandbox exists so far. */
export function cardProcessor(): CardProcessor {
  return sandboxCardProcessor;
}
