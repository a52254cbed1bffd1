import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { sandboxCardIntents } from "@/db/schema";
import { appUrl } from "../auth/tokens";

/**
 * The sandbox card processor: a stand-in for an outside company (think a hosted checkout). It keeps its own books
 * in sandbox_card_intents and talks to Quayside only the way a real processor would: an intent created through its
 * API, its own hosted pages for the card, a signed webhook, and a redirect back to the merchant.
 */
export type SandboxIntent = typeof sandboxCardIntents.$inferSelect;
export type SandboxIntentStatus = "created" | "requires_action" | "succeeded" | "declined";

export const INTENT_ID = /^pi_[0-9a-f]{32}$/;

export interface NewIntent {
  amountMinor: bigint;
  currency: string;
  description: string;
  metadata: Record<string, string>;
  returnUrl: string;
}

export async function createIntent(executor: Executor, input: NewIntent): Promise<{ id: string; redirectUrl: string }> {
  const id = `pi_${randomBytes(16).toString("hex")}`;
  await executor.insert(sandboxCardIntents).values({ id, ...input });
  return { id, redirectUrl: appUrl(`/sandbox/card/${id}`) };
}

export async function lockIntent(executor: Executor, id: string): Promise<SandboxIntent | null> {
  const [intent] = await executor.select().from(sandboxCardIntents).where(eq(sandboxCardIntents.id, id)).for("update");
  return intent ?? null;
}

/** Where the buyer goes back to once the intent has its outcome, with the outcome for display (never trusted for money). */
export function returnUrlFor(intent: Pick<SandboxIntent, "id" | "returnUrl">, outcome: "succeeded" | "failed"): string {
  const url = new URL(intent.returnUrl);
  url.searchParams.set("payment_intent", intent.id);
  url.searchParams.set("redirect_status", outcome);
  return url.toString();
}
