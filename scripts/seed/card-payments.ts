import { randomUUID } from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { cardPayments, invoiceInstalments, invoices, sandboxCardIntents } from "@/db/schema";
import { appUrl } from "@/lib/server/auth/tokens";
import { clearCardPaymentIn } from "@/lib/server/card-payments/clearing";
import { applyCardEvent } from "@/lib/server/card-payments/outcome";
import { createIntent } from "@/lib/server/sandbox-card/intents";
import { eventFor } from "@/lib/server/sandbox-card/webhooks";
import type { FoundationSeed } from "./foundation";

const DAY = 86_400_000;

/**
 * Haiguang's two newest open invoices had their deposits paid by card through the sandbox processor: the older
 * one has cleared (available), the newer one is still pending. Taken through the same steps as a real card payment:
 * the processor's intent, Quayside's card payment, the processor's event, clearing.
 */
export async function seedCardPayments(tx: Transaction, foundation: FoundationSeed, now = new Date()): Promise<void> {
  const deposits = await tx
    .select({
      invoiceId: invoices.id,
      number: invoices.number,
      payToken: invoices.payToken,
      currency: invoices.currency,
      instalmentId: invoiceInstalments.id,
      amountMinor: invoiceInstalments.amountMinor,
    })
    .from(invoices)
    .innerJoin(invoiceInstalments, and(eq(invoiceInstalments.invoiceId, invoices.id), eq(invoiceInstalments.position, 1)))
    .where(
      and(
        eq(invoices.organizationId, foundation.factory.id),
        eq(invoices.status, "open"),
        eq(invoiceInstalments.label, "deposit"),
        eq(invoiceInstalments.paidMinor, sql`0`),
      ),
    )
    .orderBy(desc(invoices.issueDate), desc(invoices.number))
    .limit(2);
  // The newest invoice's deposit came in yesterday (pending); the one before it five days ago (cleared).
  const plan = [
    { paidAt: new Date(now.getTime() - DAY), clear: false },
    { paidAt: new Date(now.getTime() - 5 * DAY), clear: true },
  ];
  for (const [index, deposit] of deposits.entries()) {
    const { paidAt, clear } = plan[index]!;
    const cardPaymentId = randomUUID();
    const intent = await createIntent(tx, {
      amountMinor: deposit.amountMinor,
      currency: deposit.currency,
      description: `Haiguang Hardware · ${deposit.number}`,
      metadata: { cardPaymentId, invoiceNumber: deposit.number!, instalment: "deposit" },
      returnUrl: appUrl(`/pay/${deposit.payToken}?card=${cardPaymentId}`),
    });
    const [settled] = await tx
      .update(sandboxCardIntents)
      .set({ status: "succeeded", webhookDeliveredAt: paidAt, webhookAttempts: 1, createdAt: paidAt, updatedAt: paidAt })
      .where(eq(sandboxCardIntents.id, intent.id))
      .returning();
    const [payment] = await tx
      .insert(cardPayments)
      .values({
        id: cardPaymentId,
        organizationId: foundation.factory.id,
        invoiceId: deposit.invoiceId,
        instalmentId: deposit.instalmentId,
        processor: "sandbox",
        processorPaymentId: intent.id,
        currency: deposit.currency,
        amountMinor: deposit.amountMinor,
        createdAt: paidAt,
      })
      .returning();
    await applyCardEvent(tx, payment!, eventFor(settled!, paidAt), paidAt);
    if (clear) await clearCardPaymentIn(tx, cardPaymentId, now);
  }
}
