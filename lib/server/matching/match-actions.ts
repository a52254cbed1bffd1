import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Transaction } from "@/db/client";
import { incomingPayments, invoices, paymentAllocations } from "@/db/schema";
import { dueUpTo, looksLikeBankCharges } from "@/lib/domain/matching";
import { parseAmount, toDecimalString } from "@/lib/domain/money";
import { allocateToBuyerCredit, allocateToInvoice, reverseAllocation } from "../collections/allocations";
import { MONEY_ROLES } from "../guard/access";
import { ActionError } from "../guard/action-error";
import { defineAction } from "../guard/define-action";
import { invoiceCandidate } from "./candidates";

const amountText = z.string().trim().max(40);

/** The organization's bank payment (card payments are matched by the card flow); another organization's is not found. */
async function organizationPayment(tx: Transaction, organizationId: string, paymentId: string) {
  const [payment] = await tx
    .select()
    .from(incomingPayments)
    .where(and(eq(incomingPayments.id, paymentId), eq(incomingPayments.organizationId, organizationId)));
  if (!payment) throw new ActionError("payment_not_found");
  if (payment.source === "card") throw new ActionError("cannot_allocate_card_payment");
  return payment;
}

function amountIn(text: string, currency: string, field: string): bigint {
  const parsed = parseAmount(text, currency);
  if (!parsed.ok) throw new ActionError(`amount_${parsed.error}`, { field });
  return parsed.amountMinor;
}

function optionalAmountIn(text: string, currency: string, field: string): bigint | undefined {
  return text === "" ? undefined : amountIn(text, currency, field);
}

const money = (amountMinor: bigint, currency: string) => `${currency} ${toDecimalString(amountMinor, currency)}`;

/**
 * A person matches a payment to one or several invoices: an amount (payment currency) for each, optionally the
 * bank charges written off with it, and — when the invoice is in another currency — the amount it settles in the
 * invoice's currency (the allocation is flagged). What is left may be kept as the buyer's credit.
 */
export const matchPaymentAction = defineAction({
  name: "matching.match",
  access: { kind: "org", roles: MONEY_ROLES },
  input: z.object({
    org: z.string(),
    paymentId: z.uuid(),
    allocations: z
      .array(z.object({ invoiceId: z.uuid(), amount: amountText, invoiceAmount: amountText.default(""), bankCharges: amountText.default("") }))
      .min(1)
      .max(20),
    remainderToCredit: z.boolean().default(false),
  }),
  async handler(ctx, input) {
    const payment = await organizationPayment(ctx.tx, ctx.organization.id, input.paymentId);
    const userId = ctx.membership.userId;
    const applied: Record<string, string>[] = [];
    let creditedMinor = 0n;
    let lastBuyerId: string | null = null;
    for (const [index, request] of input.allocations.entries()) {
      const [invoice] = await ctx.tx
        .select({ id: invoices.id, number: invoices.number, currency: invoices.currency, buyerId: invoices.buyerId })
        .from(invoices)
        .where(and(eq(invoices.id, request.invoiceId), eq(invoices.organizationId, ctx.organization.id)));
      if (!invoice) throw new ActionError("invoice_not_found");
      const amountMinor = amountIn(request.amount, payment.currency, `allocations.${index}.amount`);
      const sameCurrency = invoice.currency === payment.currency;
      const invoiceAmountMinor = sameCurrency ? undefined : optionalAmountIn(request.invoiceAmount, invoice.currency, `allocations.${index}.invoiceAmount`);
      if (!sameCurrency && invoiceAmountMinor === undefined) throw new ActionError("invoice_amount_required", { field: `allocations.${index}.invoiceAmount` });
      const bankChargesMinor = optionalAmountIn(request.bankCharges, invoice.currency, `allocations.${index}.bankCharges`);
      const result = await allocateToInvoice(ctx.tx, {
        paymentId: payment.id,
        invoiceId: invoice.id,
        amountMinor,
        invoiceAmountMinor,
        bankChargesMinor,
        method: "manual",
        userId,
      });
      creditedMinor += result.creditedMinor;
      lastBuyerId = invoice.buyerId;
      applied.push({
        invoice: invoice.number ?? invoice.id,
        amount: money(amountMinor, payment.currency),
        ...(invoiceAmountMinor !== undefined ? { settles: money(invoiceAmountMinor, invoice.currency), currencyMismatch: "true" } : {}),
        ...(bankChargesMinor ? { bankCharges: money(bankChargesMinor, invoice.currency) } : {}),
      });
    }
    if (input.remainderToCredit && lastBuyerId) {
      const [left] = await ctx.tx.select({ unapplied: incomingPayments.unappliedMinor }).from(incomingPayments).where(eq(incomingPayments.id, payment.id));
      if (left && left.unapplied > 0n) {
        await allocateToBuyerCredit(ctx.tx, { paymentId: payment.id, buyerId: lastBuyerId, amountMinor: left.unapplied, userId });
        creditedMinor += left.unapplied;
      }
    }
    ctx.audit(`incoming_payment:${payment.id}`, { bankRef: payment.bankRef, applied, credited: money(creditedMinor, payment.currency) });
    return { paymentId: payment.id, creditedMinor: creditedMinor.toString() };
  },
});

/** Keeps (part of) a payment as a credit for one of the organization's buyers, refundable or usable later. */
export const keepAsCreditAction = defineAction({
  name: "matching.keepAsCredit",
  access: { kind: "org", roles: MONEY_ROLES },
  input: z.object({ org: z.string(), paymentId: z.uuid(), buyerId: z.uuid(), amount: amountText }),
  async handler(ctx, input) {
    const payment = await organizationPayment(ctx.tx, ctx.organization.id, input.paymentId);
    const amountMinor = amountIn(input.amount, payment.currency, "amount");
    const { allocationId } = await allocateToBuyerCredit(ctx.tx, { paymentId: payment.id, buyerId: input.buyerId, amountMinor, userId: ctx.membership.userId });
    ctx.audit(`payment_allocation:${allocationId}`, { paymentId: payment.id, buyerId: input.buyerId, credited: money(amountMinor, payment.currency) });
    return { allocationId };
  },
});

/** Unmatching is a reversal: the allocation's entry is reversed and the payment and invoice get their figures back. */
export const unmatchAction = defineAction({
  name: "matching.unmatch",
  access: { kind: "org", roles: MONEY_ROLES },
  input: z.object({ org: z.string(), allocationId: z.uuid() }),
  async handler(ctx, input) {
    const [allocation] = await ctx.tx
      .select()
      .from(paymentAllocations)
      .where(and(eq(paymentAllocations.id, input.allocationId), eq(paymentAllocations.organizationId, ctx.organization.id)));
    if (!allocation) throw new ActionError("allocation_not_found");
    await reverseAllocation(ctx.tx, { allocationId: allocation.id, organizationId: ctx.organization.id, userId: ctx.membership.userId });
    ctx.audit(`payment_allocation:${allocation.id}`, {
      paymentId: allocation.paymentId,
      invoiceId: allocation.invoiceId,
      target: allocation.target,
      amountMinor: allocation.amountMinor.toString(),
    });
    return { paymentId: allocation.paymentId };
  },
});

/**
 * Settles what a payment left owing on an invoice as bank charges, when the shortfall looks like charges: the
 * payment's live allocations to the invoice are reversed and the same money applied again with the shortfall
 * written off, so the invoice is paid and the ledger shows both steps.
 */
export const settleWithBankChargesAction = defineAction({
  name: "matching.settleWithBankCharges",
  access: { kind: "org", roles: MONEY_ROLES },
  input: z.object({ org: z.string(), paymentId: z.uuid(), invoiceId: z.uuid() }),
  async handler(ctx, input) {
    const payment = await organizationPayment(ctx.tx, ctx.organization.id, input.paymentId);
    const live = await ctx.tx
      .select()
      .from(paymentAllocations)
      .where(
        and(
          eq(paymentAllocations.paymentId, payment.id),
          eq(paymentAllocations.invoiceId, input.invoiceId),
          eq(paymentAllocations.target, "invoice"),
          isNull(paymentAllocations.reversedAt),
        ),
      );
    if (live.length === 0 || live.some((allocation) => allocation.currencyMismatch || allocation.bankChargesMinor > 0n)) throw new ActionError("bank_charges_not_applicable");
    const amountMinor = live.reduce((sum, allocation) => sum + allocation.amountMinor, 0n);
    for (const allocation of live) {
      await reverseAllocation(ctx.tx, { allocationId: allocation.id, organizationId: ctx.organization.id, userId: ctx.membership.userId });
    }
    const candidate = await invoiceCandidate(ctx.tx, ctx.organization.id, input.invoiceId);
    if (!candidate) throw new ActionError("invoice_not_found");
    const due = dueUpTo(candidate, amountMinor);
    const shortfall = due - amountMinor;
    if (!looksLikeBankCharges({ shortfallMinor: shortfall, dueMinor: due, reportedChargesMinor: payment.chargesMinor, currency: payment.currency })) {
      throw new ActionError("bank_charges_not_applicable");
    }
    const { allocationIds } = await allocateToInvoice(ctx.tx, {
      paymentId: payment.id,
      invoiceId: input.invoiceId,
      amountMinor,
      bankChargesMinor: shortfall,
      method: "manual",
      userId: ctx.membership.userId,
    });
    ctx.audit(`incoming_payment:${payment.id}`, { invoiceId: input.invoiceId, bankCharges: money(shortfall, payment.currency), allocationIds });
    return { paymentId: payment.id, bankChargesMinor: shortfall.toString() };
  },
});
