import { eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { cardPayments, organizations } from "@/db/schema";
import type { CardEvent } from "@/lib/domain/webhooks";
import { localDateOf } from "@/lib/domain/time/local-day";
import { recordCardCollection } from "../collections/receipts";
import { clearingDelayMs } from "./config";

export type CardPayment = typeof cardPayments.$inferSelect;

/**
 * What the processor's event does to a card payment Quayside started (locked by the caller). Succeeded: the money
 * is recorded (card clearing → pending, applied to the instalment) and clears after the delay. Failed: declined
 * with the processor's code. A payment that already has an outcome is left as it is.
 */
export async function applyCardEvent(tx: Transaction, payment: CardPayment, event: CardEvent, now: Date): Promise<"succeeded" | "declined" | "unchanged"> {
  if (payment.status !== "created" && payment.status !== "requires_action") return "unchanged";
  if (event.type === "payment_intent.payment_failed") {
    await tx
      .update(cardPayments)
      .set({ status: "declined", declineCode: event.intent.declineCode ?? "card_declined", updatedAt: now })
      .where(eq(cardPayments.id, payment.id));
    return "declined";
  }
  const [organization] = await tx.select({ timezone: organizations.timezone }).from(organizations).where(eq(organizations.id, payment.organizationId));
  const { paymentId } = await recordCardCollection(tx, {
    organizationId: payment.organizationId,
    invoiceId: payment.invoiceId,
    instalmentId: payment.instalmentId,
    processor: payment.processor,
    processorPaymentId: payment.processorPaymentId,
    currency: payment.currency,
    amountMinor: payment.amountMinor,
    bookingDate: localDateOf(now, organization?.timezone),
  });
  await tx
    .update(cardPayments)
    .set({ status: "succeeded", paymentId, clearsAt: new Date(now.getTime() + clearingDelayMs()), updatedAt: now })
    .where(eq(cardPayments.id, payment.id));
  return "succeeded";
}
