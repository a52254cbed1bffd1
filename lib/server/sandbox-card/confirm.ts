import { randomInt } from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { sandboxCardIntents } from "@/db/schema";
import { checkCard, testCardOutcome } from "@/lib/domain/cards";
import { ActionError } from "../guard/action-error";
import { defineAction, type ActionContext } from "../guard/define-action";
import { INTENT_ID, lockIntent, returnUrlFor, type SandboxIntent } from "./intents";
import { deliverIntentWebhook, wakeWebhookDelivery } from "./webhooks";

const intentId = z.string().regex(INTENT_ID);

async function openIntent(ctx: ActionContext, id: string, expected: "created" | "requires_action"): Promise<SandboxIntent> {
  const intent = await lockIntent(ctx.tx, id);
  if (!intent) throw new ActionError("not_found");
  if (intent.status !== expected) throw new ActionError("sandbox_card_intent_closed");
  return intent;
}

/** Records the outcome; once committed, tells Quayside at once (the job retries if that fails) and sends the buyer back. */
async function settle(ctx: ActionContext, intent: SandboxIntent, outcome: { status: "succeeded" } | { status: "declined"; code: string }) {
  await ctx.tx
    .update(sandboxCardIntents)
    .set({ status: outcome.status, declineCode: outcome.status === "declined" ? outcome.code : null, challengeCode: null, updatedAt: new Date() })
    .where(eq(sandboxCardIntents.id, intent.id));
  ctx.audit(`sandbox_card_intent:${intent.id}`, { outcome: outcome.status, declineCode: outcome.status === "declined" ? outcome.code : null });
  ctx.afterCommit(async () => {
    if (!(await deliverIntentWebhook(intent.id))) await wakeWebhookDelivery(db());
  });
  return { redirectUrl: returnUrlFor(intent, outcome.status === "succeeded" ? "succeeded" : "failed") };
}

/**
 * The processor's side of "Pay": the card data is checked and "authorized" here, in memory. It is never stored
 * (not even in the audit record, whose summary is replaced) and never sent to Quayside, which learns only the
 * outcome. A card the pretend issuer wants verified goes to the 3-D Secure challenge first.
 */
export const confirmSandboxCardAction = defineAction({
  name: "sandboxCard.confirm",
  access: { kind: "public" },
  input: z.object({
    intentId,
    number: z.string().max(40),
    expiry: z.string().max(10),
    cvc: z.string().max(8),
    name: z.string().max(120),
  }),
  async handler(ctx, input) {
    const intent = await openIntent(ctx, input.intentId, "created");
    const now = new Date();
    const checked = checkCard(input, { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1 });
    if (!checked.ok) throw new ActionError(`card_${Object.values(checked.problems)[0]}`);
    const outcome = testCardOutcome(checked.card.number);
    if (outcome.kind === "challenge") {
      await ctx.tx
        .update(sandboxCardIntents)
        .set({ status: "requires_action", challengeCode: String(randomInt(0, 1_000_000)).padStart(6, "0"), updatedAt: now })
        .where(eq(sandboxCardIntents.id, intent.id));
      ctx.audit(`sandbox_card_intent:${intent.id}`, { outcome: "requires_action" });
      return { redirectUrl: `/sandbox/card/${intent.id}/challenge` };
    }
    return settle(ctx, intent, outcome.kind === "approve" ? { status: "succeeded" } : { status: "declined", code: outcome.code });
  },
});

/** The pretend issuer's 3-D Secure page: the buyer completes the challenge with the code it "sent", or fails it. */
export const completeSandboxChallengeAction = defineAction({
  name: "sandboxCard.challenge",
  access: { kind: "public" },
  input: z.object({ intentId, decision: z.enum(["approve", "fail"]), code: z.string().max(12).optional() }),
  async handler(ctx, input) {
    const intent = await openIntent(ctx, input.intentId, "requires_action");
    if (input.decision === "fail") return settle(ctx, intent, { status: "declined", code: "authentication_failed" });
    if (!input.code || input.code.trim() !== intent.challengeCode) throw new ActionError("card_challenge_code_wrong");
    return settle(ctx, intent, { status: "succeeded" });
  },
});
