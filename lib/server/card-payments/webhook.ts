import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { cardPayments, webhookEvents } from "@/db/schema";
import type { CardEvent } from "@/lib/domain/webhooks";
import { cardProcessor } from "../card-processor";
import { chargebackRefusal, openChargebackCase } from "../disputes/chargeback";
import { defineAction, type ActionContext } from "../guard/define-action";
import { applyCardEvent } from "./outcome";
import { wakeCardClearing } from "./clearing";

/** Webhook bodies are small; anything bigger is refused before it is read whole (see the route). */
export const MAX_WEBHOOK_BODY_BYTES = 64 * 1024;

export type WebhookAnswer = { status: 200; body: { received: true } } | { status: 400; body: { error: string } };

interface Delivery {
  ctx: ActionContext;
  provider: string;
  bodySha256: string;
  signatureTimestamp: number | null;
  event: CardEvent | null;
}

/** Logs a refused delivery (the log commits: the refusal is an answer, not an error) and answers 400. */
async function refuse(delivery: Delivery, reason: string): Promise<WebhookAnswer> {
  await delivery.ctx.tx.insert(webhookEvents).values({
    provider: delivery.provider,
    eventId: delivery.event?.id ?? null,
    eventType: delivery.event?.type ?? null,
    outcome: "refused",
    reason,
    signatureTimestamp: delivery.signatureTimestamp,
    bodySha256: delivery.bodySha256,
    remoteAddress: delivery.ctx.request.ip,
  });
  delivery.ctx.audit(null, { provider: delivery.provider, outcome: "refused", reason, eventId: delivery.event?.id ?? null, bodySha256: delivery.bodySha256 });
  return { status: 400, body: { error: reason } };
}

/**
 * The card processor's signed webhook. Refused, logged and answered 400 when unsigned, malformed, tampered with,
 * outside the timestamp tolerance, for an unknown payment, or a replay of an event already accepted (accepted
 * event ids are unique, so two deliveries of one event at once post once). Only the body's SHA-256 is kept.
 */
export const receiveCardWebhookAction = defineAction({
  name: "cardPayments.webhook",
  access: { kind: "public" },
  input: z.object({ body: z.string().max(MAX_WEBHOOK_BODY_BYTES), signature: z.string().max(4096).nullable() }),
  async handler(ctx, input): Promise<WebhookAnswer> {
    const now = new Date();
    const processor = cardProcessor();
    const verified = processor.verifyWebhook({ signatureHeader: input.signature, rawBody: input.body, now });
    const delivery: Delivery = {
      ctx,
      provider: processor.name,
      bodySha256: createHash("sha256").update(input.body, "utf8").digest("hex"),
      signatureTimestamp: verified.timestamp,
      event: verified.ok ? verified.event : null,
    };
    if (!verified.ok) return refuse(delivery, verified.reason);
    const { event } = verified;

    const [payment] = await ctx.tx
      .select()
      .from(cardPayments)
      .where(and(eq(cardPayments.processor, processor.name), eq(cardPayments.processorPaymentId, event.intent.id)))
      .for("update");
    if (!payment) return refuse(delivery, "unknown_payment");
    if (payment.amountMinor !== event.intent.amountMinor || payment.currency !== event.intent.currency) return refuse(delivery, "amount_mismatch");
    const chargeback = event.type === "charge.dispute.created" && event.dispute ? { ...event, dispute: event.dispute } : null;
    if (chargeback) {
      const refusal = chargebackRefusal(payment, chargeback);
      if (refusal) return refuse(delivery, refusal);
    }

    const [accepted] = await ctx.tx
      .insert(webhookEvents)
      .values({
        provider: processor.name,
        eventId: event.id,
        eventType: event.type,
        outcome: "accepted",
        signatureTimestamp: verified.timestamp,
        bodySha256: delivery.bodySha256,
        remoteAddress: ctx.request.ip,
      })
      .onConflictDoNothing({ target: [webhookEvents.provider, webhookEvents.eventId], where: sql`outcome = 'accepted'` })
      .returning({ id: webhookEvents.id });
    if (!accepted) return refuse(delivery, "replayed");

    if (chargeback) {
      const { opened, disputeId } = await openChargebackCase(ctx.tx, payment, chargeback);
      ctx.audit(`card_payment:${payment.id}`, { provider: processor.name, eventId: event.id, eventType: event.type, applied: opened ? "dispute_opened" : "dispute_exists", disputeId }, payment.organizationId);
      return { status: 200, body: { received: true } };
    }
    const applied = await applyCardEvent(ctx.tx, payment, event, now);
    if (applied === "succeeded") ctx.afterCommit(() => wakeCardClearing());
    ctx.audit(`card_payment:${payment.id}`, { provider: processor.name, eventId: event.id, eventType: event.type, applied }, payment.organizationId);
    return { status: 200, body: { received: true } };
  },
});
