import { eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { disputes, invoices } from "@/db/schema";
import type { CardDispute, CardEvent } from "@/lib/domain/webhooks";
import type { CardPayment } from "../card-payments/outcome";
import { SYSTEM } from "./case";
import { openCase } from "./open";

export type ChargebackEvent = CardEvent & { dispute: CardDispute };

/** Why a chargeback event cannot be taken (the webhook refuses it), or null: a succeeded payment, taken back at most in full. */
export function chargebackRefusal(payment: CardPayment, event: ChargebackEvent): "payment_not_succeeded" | "chargeback_above_payment" | null {
  if (payment.status !== "succeeded" || !payment.paymentId) return "payment_not_succeeded";
  if (event.dispute.amountMinor > payment.amountMinor) return "chargeback_above_payment";
  return null;
}

/**
 * A chargeback the card processor reported on a succeeded card payment (locked by the webhook handler, and checked
 * with chargebackRefusal) becomes a chargeback case: L2, about the payment and its invoice, holding the amount the
 * issuer takes back. One case per processor dispute: another event for a dispute already open opens nothing.
 */
export async function openChargebackCase(tx: Transaction, payment: CardPayment, event: ChargebackEvent): Promise<{ opened: boolean; disputeId: string }> {
  const reference = `${payment.processor}:${event.dispute.id}`;
  const [existing] = await tx.select({ id: disputes.id }).from(disputes).where(eq(disputes.chargebackReference, reference));
  if (existing) return { opened: false, disputeId: existing.id };
  const [invoice] = await tx.select({ buyerId: invoices.buyerId, number: invoices.number }).from(invoices).where(eq(invoices.id, payment.invoiceId));
  const { dispute } = await openCase(tx, {
    organizationId: payment.organizationId,
    category: "chargeback",
    buyerId: invoice!.buyerId,
    invoiceId: payment.invoiceId,
    paymentId: payment.paymentId,
    cardPaymentId: payment.id,
    paidByCard: true,
    currency: payment.currency,
    disputedMinor: event.dispute.amountMinor,
    description: `Chargeback ${event.dispute.id} on card payment ${payment.processorPaymentId} (${invoice!.number}): ${event.dispute.reason}`,
    buyerClaim: event.dispute.reason,
    chargebackReference: reference,
    withBuyerLink: false,
    actor: SYSTEM,
  });
  return { opened: true, disputeId: dispute.id };
}
