import { and, desc, eq } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { buyerRefunds, cardPayments, incomingPayments, paymentAllocations, users } from "@/db/schema";
import { buyerCreditByCurrency, type BuyerCredit } from "@/lib/domain/refunds";

/**
 * The buyer's credit per currency: what may be refunded, and card overpayments still pending (they move to the
 * buyer_credit balance, and become refundable, when the card payment clears).
 */
export async function buyerRefundableCredit(organizationId: string, buyerId: string, executor: Executor = db()): Promise<BuyerCredit[]> {
  const [allocations, refunds] = await Promise.all([
    executor
      .select({
        currency: incomingPayments.currency,
        amountMinor: paymentAllocations.amountMinor,
        reversedAt: paymentAllocations.reversedAt,
        method: paymentAllocations.method,
        cardClearedAt: cardPayments.clearedAt,
      })
      .from(paymentAllocations)
      .innerJoin(incomingPayments, eq(incomingPayments.id, paymentAllocations.paymentId))
      .leftJoin(cardPayments, eq(cardPayments.paymentId, paymentAllocations.paymentId))
      .where(and(eq(paymentAllocations.organizationId, organizationId), eq(paymentAllocations.buyerId, buyerId), eq(paymentAllocations.target, "buyer_credit"))),
    executor
      .select({ currency: buyerRefunds.currency, amountMinor: buyerRefunds.amountMinor, status: buyerRefunds.status })
      .from(buyerRefunds)
      .where(and(eq(buyerRefunds.organizationId, organizationId), eq(buyerRefunds.buyerId, buyerId))),
  ]);
  return buyerCreditByCurrency(
    allocations.map((row) => ({ currency: row.currency, amountMinor: row.amountMinor, reversed: row.reversedAt !== null, viaCard: row.method === "card" && row.cardClearedAt === null })),
    refunds,
  );
}

/** The refunds paid to a buyer, newest first, with who asked for each. */
export function listBuyerRefunds(organizationId: string, buyerId: string, executor: Executor = db()) {
  return executor
    .select({
      id: buyerRefunds.id,
      currency: buyerRefunds.currency,
      amountMinor: buyerRefunds.amountMinor,
      beneficiaryName: buyerRefunds.beneficiaryName,
      beneficiaryAccount: buyerRefunds.beneficiaryAccount,
      beneficiaryBank: buyerRefunds.beneficiaryBank,
      reference: buyerRefunds.reference,
      status: buyerRefunds.status,
      entryId: buyerRefunds.entryId,
      requestedByName: users.name,
      createdAt: buyerRefunds.createdAt,
    })
    .from(buyerRefunds)
    .leftJoin(users, eq(users.id, buyerRefunds.requestedBy))
    .where(and(eq(buyerRefunds.organizationId, organizationId), eq(buyerRefunds.buyerId, buyerId)))
    .orderBy(desc(buyerRefunds.createdAt), desc(buyerRefunds.id));
}

export type BuyerRefundRow = Awaited<ReturnType<typeof listBuyerRefunds>>[number];
