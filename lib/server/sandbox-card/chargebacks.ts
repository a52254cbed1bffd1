import { randomBytes } from "node:crypto";
import { and, eq, isNull, lt, sql } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { sandboxCardChargebacks, sandboxCardIntents } from "@/db/schema";
import { MAX_DELIVERY_ATTEMPTS, nextDeliveryAt, serializeCardEvent, signatureHeader, SIGNATURE_HEADER, type CardEvent } from "@/lib/domain/webhooks";
import { appUrl } from "../auth/tokens";
import { cardWebhookSecret } from "../card-processor/secret";
import { INTENT_ID, type SandboxIntent } from "./intents";
import type { Send } from "./webhooks";

export type SandboxChargeback = typeof sandboxCardChargebacks.$inferSelect;

/** The reason codes the pretend issuers file chargebacks with. */
export const CHARGEBACK_REASONS = ["fraudulent", "product_not_received", "product_unacceptable", "duplicate", "credit_not_processed", "general"] as const;
export type ChargebackReason = (typeof CHARGEBACK_REASONS)[number];

export type FileChargebackResult = { ok: true; chargeback: SandboxChargeback } | { ok: false; reason: "unknown_intent" | "not_succeeded" | "amount_invalid" };

/**
 * The sandbox's control for a card issuer taking a payment back: records the chargeback in the processor's books
 * (the whole payment unless an amount is given, never more); the webhook job then tells Quayside.
 */
export async function fileSandboxChargeback(
  executor: Executor,
  input: { intentId: string; amountMinor?: bigint; reason: ChargebackReason },
): Promise<FileChargebackResult> {
  if (!INTENT_ID.test(input.intentId)) return { ok: false, reason: "unknown_intent" };
  const [intent] = await executor.select().from(sandboxCardIntents).where(eq(sandboxCardIntents.id, input.intentId));
  if (!intent) return { ok: false, reason: "unknown_intent" };
  if (intent.status !== "succeeded") return { ok: false, reason: "not_succeeded" };
  const amountMinor = input.amountMinor ?? intent.amountMinor;
  if (amountMinor <= 0n || amountMinor > intent.amountMinor) return { ok: false, reason: "amount_invalid" };
  const [chargeback] = await executor
    .insert(sandboxCardChargebacks)
    .values({ id: `dp_${randomBytes(16).toString("hex")}`, intentId: intent.id, currency: intent.currency, amountMinor, reason: input.reason })
    .returning();
  return { ok: true, chargeback: chargeback! };
}

/** The chargeback's event; its id is stable, so a redelivery is the same event. */
export function chargebackEventFor(chargeback: SandboxChargeback, intent: SandboxIntent, now: Date): CardEvent {
  return {
    id: `evt_${chargeback.id}`,
    type: "charge.dispute.created",
    created: Math.floor(now.getTime() / 1000),
    intent: { id: intent.id, amountMinor: intent.amountMinor, currency: intent.currency, declineCode: null, metadata: intent.metadata },
    dispute: { id: chargeback.id, amountMinor: chargeback.amountMinor, reason: chargeback.reason },
  };
}

/** One signed delivery attempt of a chargeback to Quayside's webhook endpoint; only a 2xx answer counts. */
export async function deliverChargebackWebhook(chargebackId: string, options: { send?: Send; now?: Date } = {}): Promise<boolean> {
  const send = options.send ?? fetch;
  const now = options.now ?? new Date();
  const [row] = await db()
    .select({ chargeback: sandboxCardChargebacks, intent: sandboxCardIntents })
    .from(sandboxCardChargebacks)
    .innerJoin(sandboxCardIntents, eq(sandboxCardIntents.id, sandboxCardChargebacks.intentId))
    .where(eq(sandboxCardChargebacks.id, chargebackId));
  if (!row || row.chargeback.webhookDeliveredAt) return false;
  const body = serializeCardEvent(chargebackEventFor(row.chargeback, row.intent, now));
  let delivered = false;
  try {
    const response = await send(appUrl("/api/webhooks/card"), {
      method: "POST",
      headers: { "content-type": "application/json", [SIGNATURE_HEADER]: signatureHeader(cardWebhookSecret(), Math.floor(now.getTime() / 1000), body) },
      body,
      signal: AbortSignal.timeout(5_000),
    });
    delivered = response.ok;
  } catch (error) {
    console.error(`sandbox card processor: chargeback ${chargebackId} not delivered`, error instanceof Error ? error.message : error);
  }
  await db()
    .update(sandboxCardChargebacks)
    .set({
      ...(delivered ? { webhookDeliveredAt: new Date() } : {}),
      webhookAttempts: sql`${sandboxCardChargebacks.webhookAttempts} + 1`,
      updatedAt: new Date(),
    })
    .where(eq(sandboxCardChargebacks.id, chargebackId));
  return delivered;
}

/** Every chargeback not yet delivered whose next attempt is due (the first at once); returns how many were delivered. */
export async function deliverDueChargebacks(options: { send?: Send; now?: Date } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const pending = await db()
    .select({ id: sandboxCardChargebacks.id, attempts: sandboxCardChargebacks.webhookAttempts, updatedAt: sandboxCardChargebacks.updatedAt })
    .from(sandboxCardChargebacks)
    .where(and(isNull(sandboxCardChargebacks.webhookDeliveredAt), lt(sandboxCardChargebacks.webhookAttempts, MAX_DELIVERY_ATTEMPTS)))
    .orderBy(sandboxCardChargebacks.updatedAt)
    .limit(200);
  let delivered = 0;
  for (const chargeback of pending) {
    const due = nextDeliveryAt(chargeback.attempts, chargeback.updatedAt);
    if (due && due <= now && (await deliverChargebackWebhook(chargeback.id, { ...options, now }))) delivered++;
  }
  return delivered;
}
