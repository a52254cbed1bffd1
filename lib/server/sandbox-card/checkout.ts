import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { sandboxCardIntents } from "@/db/schema";
import { INTENT_ID, returnUrlFor, type SandboxIntentStatus } from "./intents";

export interface CheckoutView {
  id: string;
  amountMinor: bigint;
  currency: string;
  description: string;
  status: SandboxIntentStatus;
  /** The 3-D Secure code the pretend issuer "sent", shown on the sandbox challenge page only. */
  challengeCode: string | null;
  /** Back to the merchant, once there is an outcome. */
  doneUrl: string | null;
  cancelUrl: string;
}

/** What the processor's hosted pages show for an intent; null for an unknown id. */
export async function checkoutView(id: string): Promise<CheckoutView | null> {
  if (!INTENT_ID.test(id)) return null;
  const [intent] = await db().select().from(sandboxCardIntents).where(eq(sandboxCardIntents.id, id));
  if (!intent) return null;
  const status = intent.status as SandboxIntentStatus;
  return {
    id: intent.id,
    amountMinor: intent.amountMinor,
    currency: intent.currency,
    description: intent.description,
    status,
    challengeCode: status === "requires_action" ? intent.challengeCode : null,
    doneUrl: status === "succeeded" || status === "declined" ? returnUrlFor(intent, status === "succeeded" ? "succeeded" : "failed") : null,
    cancelUrl: intent.returnUrl,
  };
}
