import { and, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { sandboxCardIntents } from "@/db/schema";
import { nextDeliveryAt, MAX_DELIVERY_ATTEMPTS, serializeCardEvent, signatureHeader, SIGNATURE_HEADER, type CardEvent } from "@/lib/domain/webhooks";
import { appUrl } from "../auth/tokens";
import { cardWebhookSecret } from "../card-processor/secret";
import { WAKE_CHANNEL } from "../jobs/wake-channel";
import type { SandboxIntent } from "./intents";

export const DELIVER_WEBHOOKS_JOB = "sandboxCard.deliverWebhooks";
const DELIVERY_TIMEOUT_MS = 5_000;

export type Send = (url: string, init: RequestInit) => Promise<Response>;

/** The one event an intent with an outcome produces; its id is stable, so a redelivery is the same event. */
export function eventFor(intent: SandboxIntent, now: Date): CardEvent {
  return {
    id: `evt_${intent.id.slice("pi_".length)}`,
    type: intent.status === "succeeded" ? "payment_intent.succeeded" : "payment_intent.payment_failed",
    created: Math.floor(now.getTime() / 1000),
    intent: {
      id: intent.id,
      amountMinor: intent.amountMinor,
      currency: intent.currency,
      declineCode: intent.declineCode,
      metadata: intent.metadata,
    },
  };
}

/**
 * One delivery attempt of an intent's outcome to Quayside's webhook endpoint, signed at the moment of sending.
 * Only a 2xx answer counts as delivered; anything else (or no answer) counts an attempt for the backoff.
 */
export async function deliverIntentWebhook(intentId: string, options: { send?: Send; now?: Date } = {}): Promise<boolean> {
  const send = options.send ?? fetch;
  const now = options.now ?? new Date();
  const [intent] = await db().select().from(sandboxCardIntents).where(eq(sandboxCardIntents.id, intentId));
  if (!intent || intent.webhookDeliveredAt || (intent.status !== "succeeded" && intent.status !== "declined")) return false;
  const body = serializeCardEvent(eventFor(intent, now));
  let delivered = false;
  try {
    const response = await send(appUrl("/api/webhooks/card"), {
      method: "POST",
      headers: { "content-type": "application/json", [SIGNATURE_HEADER]: signatureHeader(cardWebhookSecret(), Math.floor(now.getTime() / 1000), body) },
      body,
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    delivered = response.ok;
  } catch (error) {
    console.error(`sandbox card processor: webhook for ${intentId} not delivered`, error instanceof Error ? error.message : error);
  }
  await db()
    .update(sandboxCardIntents)
    .set(
      delivered
        ? { webhookDeliveredAt: new Date(), webhookAttempts: sql`${sandboxCardIntents.webhookAttempts} + 1`, updatedAt: new Date() }
        : { webhookAttempts: sql`${sandboxCardIntents.webhookAttempts} + 1`, updatedAt: new Date() },
    )
    .where(eq(sandboxCardIntents.id, intentId));
  return delivered;
}

/** The job: every outcome not yet delivered whose next attempt is due (see nextDeliveryAt). */
export async function deliverDueWebhooks(options: { send?: Send; now?: Date } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const pending = await db()
    .select({ id: sandboxCardIntents.id, attempts: sandboxCardIntents.webhookAttempts, updatedAt: sandboxCardIntents.updatedAt })
    .from(sandboxCardIntents)
    .where(
      and(
        inArray(sandboxCardIntents.status, ["succeeded", "declined"]),
        isNull(sandboxCardIntents.webhookDeliveredAt),
        lt(sandboxCardIntents.webhookAttempts, MAX_DELIVERY_ATTEMPTS),
      ),
    )
    .orderBy(sandboxCardIntents.updatedAt)
    .limit(200);
  let delivered = 0;
  for (const intent of pending) {
    const due = nextDeliveryAt(intent.attempts, intent.updatedAt);
    if (due && due <= now && (await deliverIntentWebhook(intent.id, { ...options, now }))) delivered++;
  }
  return delivered;
}

/** Asks the job worker to run the delivery job now; use once the outcome has committed. */
export async function wakeWebhookDelivery(executor: Executor): Promise<void> {
  await executor.execute(sql`select pg_notify(${WAKE_CHANNEL}, ${DELIVER_WEBHOOKS_JOB})`);
}
