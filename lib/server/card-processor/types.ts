import type { CardEvent, SignatureRefusal } from "@/lib/domain/webhooks";

export interface CreatePaymentIntentInput {
  /** Minor units of `currency`. */
  amountMinor: bigint;
  currency: string;
  /** What the buyer sees on the processor's page and statement. */
  description: string;
  /** Echoed back in the processor's events. */
  metadata: Record<string, string>;
  /** Where the processor sends the buyer back once the payment has an outcome. */
  returnUrl: string;
}

export interface PaymentIntent {
  /** The processor's payment id (card_payments.processor_payment_id). */
  id: string;
  /** The processor's hosted page, where the buyer enters the card: card data never passes through Quayside. */
  redirectUrl: string;
}

export type WebhookVerification =
  | { ok: true; event: CardEvent; timestamp: number }
  | { ok: false; reason: SignatureRefusal; timestamp: number | null };

/** What Quayside needs from a card processor; the sandbox implements it, a real processor plugs in behind it. */
export interface CardProcessor {
  /** Stored in card_payments.processor and webhook_events.provider. */
  readonly name: string;
  createPaymentIntent(input: CreatePaymentIntentInput): Promise<PaymentIntent>;
  /** Checks a webhook delivery's signature against the raw body and reads the event in it. */
  verifyWebhook(input: { signatureHeader: string | null; rawBody: string; now: Date }): WebhookVerification;
}
