import { and, asc, eq, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { buyers, incomingPayments, invoiceInstalments, invoices, organizations, paymentAllocations } from "@/db/schema";
import { AllocationPlanError, allocationEntry, invoiceState, planAllocation, type PlannedPart } from "@/lib/domain/collections";
import { type FeeLine, totalFees } from "@/lib/domain/fees";
import { describeEntry } from "@/lib/domain/ledger/descriptions";
import type { CurrencyCode } from "@/lib/domain/money";
import { localDateOf } from "@/lib/domain/time/local-day";
import { markFeeChargesReversed, recordFeeCharges } from "../fees/charges";
import { lockCollectionPricing, uncountCollection } from "../fees/collection-pricing";
import { ActionError } from "../guard/action-error";
import { postEntry, reverseEntry } from "../ledger";
import { reserveDisputeShortfalls } from "../disputes/shortfall";
import { buyerRefundableCredit } from "../refunds/queries";

export type MatchMethod = "rf_reference" | "invoice_number" | "manual";

export interface InvoiceAllocationRequest {
  paymentId: string;
  invoiceId: string;
  amountMinor: bigint;
  invoiceAmountMinor?: bigint;
  bankChargesMinor?: bigint;
  method: MatchMethod;
  userId?: string | null;
}

type PaymentRow = typeof incomingPayments.$inferSelect;

async function lockPayment(tx: Transaction, paymentId: string, organizationId?: string): Promise<PaymentRow> {
  const [payment] = await tx
    .select()
    .from(incomingPayments)
    .where(
      organizationId
        ? and(eq(incomingPayments.id, paymentId), eq(incomingPayments.organizationId, organizationId))
        : eq(incomingPayments.id, paymentId),
    )
    .for("update");
  if (!payment) throw new ActionError("payment_not_found");
  return payment;
}

function assertUnapplied(payment: PaymentRow, amountMinor: bigint): void {
  if (amountMinor <= 0n) throw new ActionError("invalid_allocation_amount");
  if (payment.source === "card") throw new ActionError("cannot_allocate_card_payment");
  if (amountMinor > payment.unappliedMinor) throw new ActionError("amount_exceeds_unapplied");
}

/**
 * Applies (part of) a bank payment to an invoice: one allocation and one ledger entry (unapplied → available, the
 * collection fee to the platform's fee revenue) per instalment it touches, oldest instalment first; what exceeds
 * the invoice is kept as the buyer's credit, charged nothing. Locks the payment, then the invoice, then the
 * organization's month volume, so concurrent matches wait, never over-allocate and are priced one after another.
 * What became available is then reserved for open disputes' shortfalls first (the posting already holds the
 * available account, which reserveDisputeShortfalls locks before the cases, the order every dispute path keeps).
 */
export async function allocateToInvoice(
  tx: Transaction,
  request: InvoiceAllocationRequest,
): Promise<{ allocationIds: string[]; creditedMinor: bigint }> {
  const payment = await lockPayment(tx, request.paymentId);
  assertUnapplied(payment, request.amountMinor);
  const [invoice] = await tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.id, request.invoiceId), eq(invoices.organizationId, payment.organizationId)))
    .for("update");
  if (!invoice) throw new ActionError("invoice_not_found");
  if (invoice.status === "draft" || invoice.status === "void") throw new ActionError("invoice_not_payable");

  const instalments = await tx
    .select({ id: invoiceInstalments.id, amountMinor: invoiceInstalments.amountMinor, paidMinor: invoiceInstalments.paidMinor })
    .from(invoiceInstalments)
    .where(eq(invoiceInstalments.invoiceId, invoice.id))
    .orderBy(asc(invoiceInstalments.position));
  const sameCurrency = payment.currency === invoice.currency;
  let parts: readonly PlannedPart[];
  let excess: bigint;
  try {
    ({ parts, excessMinor: excess } = planAllocation(
      instalments.map((instalment) => ({ id: instalment.id, outstandingMinor: instalment.amountMinor - instalment.paidMinor })),
      {
        amountMinor: request.amountMinor,
        invoiceAmountMinor: request.invoiceAmountMinor,
        bankChargesMinor: request.bankChargesMinor,
        sameCurrency,
      },
    ));
  } catch (error) {
    if (error instanceof AllocationPlanError) throw new ActionError(error.code);
    throw error;
  }

  const pricer = await lockCollectionPricing(tx, payment.organizationId, [payment.currency]);
  const [buyer] = await tx.select({ country: buyers.country }).from(buyers).where(eq(buyers.id, invoice.buyerId));
  const priced = pricer.price(payment.currency as CurrencyCode, buyer?.country ?? null, parts.map((part) => part.amountMinor));
  const allocationIds: string[] = [];
  for (const [index, part] of parts.entries()) {
    allocationIds.push(
      await insertAllocation(tx, payment, {
        target: "invoice",
        fees: priced.fees[index]!,
        volumeCnyMinor: priced.volumeCnyMinor[index]!,
        createdAt: pricer.at,
        invoiceId: invoice.id,
        instalmentId: part.instalmentId,
        buyerId: invoice.buyerId,
        method: request.method,
        amountMinor: part.amountMinor,
        invoiceAmountMinor: part.invoiceAmountMinor,
        bankChargesMinor: part.bankChargesMinor,
        currencyMismatch: !sameCurrency,
        createdBy: request.userId ?? null,
        description: describeEntry("paymentApplied", { bankRef: payment.bankRef, invoice: invoice.number! }),
      }),
    );
  }
  if (excess > 0n) {
    allocationIds.push(
      await insertAllocation(tx, payment, {
        target: "buyer_credit",
        buyerId: invoice.buyerId,
        method: request.method,
        amountMinor: excess,
        invoiceAmountMinor: 0n,
        bankChargesMinor: 0n,
        currencyMismatch: false,
        createdBy: request.userId ?? null,
        description: describeEntry("overpaymentKept", { invoice: invoice.number! }),
      }),
    );
  }
  await pricer.save(tx);
  await settlePayment(tx, payment, request.amountMinor, invoice.buyerId);
  await recomputeInvoice(tx, invoice.id);
  if (parts.length > 0) await reserveDisputeShortfalls(tx, payment.organizationId, payment.currency);
  return { allocationIds, creditedMinor: excess };
}

/** Keeps (part of) a bank payment as a credit for a buyer of the same organization: unapplied → buyer_credit. */
export async function allocateToBuyerCredit(
  tx: Transaction,
  request: { paymentId: string; buyerId: string; amountMinor: bigint; userId?: string | null },
): Promise<{ allocationId: string }> {
  const payment = await lockPayment(tx, request.paymentId);
  assertUnapplied(payment, request.amountMinor);
  const [buyer] = await tx.execute<{ id: string }>(
    sql`select id from buyers where id = ${request.buyerId} and organization_id = ${payment.organizationId}`,
  );
  if (!buyer) throw new ActionError("buyer_not_found");
  const allocationId = await insertAllocation(tx, payment, {
    target: "buyer_credit",
    buyerId: request.buyerId,
    method: "manual",
    amountMinor: request.amountMinor,
    invoiceAmountMinor: 0n,
    bankChargesMinor: 0n,
    currencyMismatch: false,
    createdBy: request.userId ?? null,
    description: describeEntry("paymentKept", { bankRef: payment.bankRef }),
  });
  await settlePayment(tx, payment, request.amountMinor, request.buyerId);
  return { allocationId };
}

interface AllocationDraft {
  target: "invoice" | "buyer_credit";
  /** The collection fee lines of an invoice part; none for a buyer's credit. */
  fees?: readonly FeeLine[];
  volumeCnyMinor?: bigint;
  /** When it was priced: the month its volume counts in. */
  createdAt?: Date;
  invoiceId?: string;
  instalmentId?: string;
  buyerId: string;
  method: MatchMethod;
  amountMinor: bigint;
  invoiceAmountMinor: bigint;
  bankChargesMinor: bigint;
  currencyMismatch: boolean;
  createdBy: string | null;
  description: string;
}

async function insertAllocation(tx: Transaction, payment: PaymentRow, draft: AllocationDraft): Promise<string> {
  const [row] = await tx
    .insert(paymentAllocations)
    .values({
      organizationId: payment.organizationId,
      paymentId: payment.id,
      target: draft.target,
      invoiceId: draft.invoiceId ?? null,
      instalmentId: draft.instalmentId ?? null,
      buyerId: draft.buyerId,
      method: draft.method,
      amountMinor: draft.amountMinor,
      invoiceAmountMinor: draft.invoiceAmountMinor,
      bankChargesMinor: draft.bankChargesMinor,
      currencyMismatch: draft.currencyMismatch,
      feeMinor: draft.target === "invoice" ? totalFees(payment.currency as CurrencyCode, draft.fees ?? []) : null,
      volumeCnyMinor: draft.volumeCnyMinor ?? 0n,
      createdBy: draft.createdBy,
      ...(draft.createdAt ? { createdAt: draft.createdAt } : {}),
    })
    .returning({ id: paymentAllocations.id });
  const allocationId = row!.id;
  const { entryId } = await postEntry(tx, {
    ...allocationEntry(payment.organizationId, allocationId, { ...draft, currency: payment.currency }),
    createdBy: draft.createdBy,
  });
  await recordFeeCharges(tx, { organizationId: payment.organizationId, entryId, lines: draft.fees ?? [] });
  await tx.update(paymentAllocations).set({ entryId }).where(eq(paymentAllocations.id, allocationId));
  return allocationId;
}

async function settlePayment(tx: Transaction, payment: PaymentRow, appliedMinor: bigint, buyerId: string): Promise<void> {
  const unapplied = payment.unappliedMinor - appliedMinor;
  await tx
    .update(incomingPayments)
    .set({ unappliedMinor: unapplied, matchStatus: unapplied === 0n ? "matched" : "partially_matched", buyerId: payment.buyerId ?? buyerId })
    .where(eq(incomingPayments.id, payment.id));
}

/**
 * Unmatches one allocation: posts the reversal of its entry, fee line included (the money must still be where the
 * match put it), marks its fees reversed and takes it off the month's volume, gives the amount back to the
 * payment's unapplied part and recomputes the invoice.
 */
export async function reverseAllocation(tx: Transaction, request: { allocationId: string; organizationId: string; userId: string | null }): Promise<void> {
  const [found] = await tx
    .select({ paymentId: paymentAllocations.paymentId })
    .from(paymentAllocations)
    .where(and(eq(paymentAllocations.id, request.allocationId), eq(paymentAllocations.organizationId, request.organizationId)));
  if (!found) throw new ActionError("allocation_not_found");
  const payment = await lockPayment(tx, found.paymentId, request.organizationId);
  const [allocation] = await tx.select().from(paymentAllocations).where(eq(paymentAllocations.id, request.allocationId)).for("update");
  if (!allocation) throw new ActionError("allocation_not_found");
  if (allocation.method === "card") throw new ActionError("cannot_unmatch_card");
  if (allocation.reversedAt) throw new ActionError("already_reversed");
  if (!allocation.entryId) throw new Error(`Allocation ${allocation.id} has no entry`);
  if (allocation.target === "buyer_credit") await assertCreditNotRefunded(tx, request.organizationId, allocation.buyerId!, payment.currency, allocation.amountMinor);

  // Before the reversal: the volume row is locked ahead of the balances, in the order matching takes them.
  if (allocation.volumeCnyMinor > 0n) await uncountCollection(tx, request.organizationId, allocation.createdAt, allocation.volumeCnyMinor);
  const { entryId } = await reverseEntry(tx, {
    organizationId: request.organizationId,
    entryId: allocation.entryId,
    idempotencyKey: `allocation-reversal:${allocation.id}`,
    reason: describeEntry("unmatched"),
    createdBy: request.userId,
  });
  await markFeeChargesReversed(tx, allocation.entryId);
  await tx
    .update(paymentAllocations)
    .set({ reversedAt: new Date(), reversedBy: request.userId, reversalEntryId: entryId })
    .where(eq(paymentAllocations.id, allocation.id));
  const unapplied = payment.unappliedMinor + allocation.amountMinor;
  const [stillLive] = await tx.execute<{ n: number }>(
    sql`select count(*)::int as n from payment_allocations where payment_id = ${payment.id} and reversed_at is null`,
  );
  await tx
    .update(incomingPayments)
    .set({
      unappliedMinor: unapplied,
      matchStatus: unapplied === payment.amountMinor ? "unmatched" : "partially_matched",
      buyerId: (stillLive?.n ?? 0) > 0 ? payment.buyerId : null,
    })
    .where(eq(incomingPayments.id, payment.id));
  if (allocation.invoiceId) {
    await tx.execute(sql`select 1 from invoices where id = ${allocation.invoiceId} for update`);
    await recomputeInvoice(tx, allocation.invoiceId);
  }
}

/** Taking back a credit the buyer was already refunded would spend another buyer's credit: refused. */
async function assertCreditNotRefunded(tx: Transaction, organizationId: string, buyerId: string, currency: string, amountMinor: bigint): Promise<void> {
  // Refunds lock the buyer row too, so the credit cannot change between this check and the reversal.
  await tx.execute(sql`select 1 from buyers where id = ${buyerId} for update`);
  const credit = (await buyerRefundableCredit(organizationId, buyerId, tx)).find((row) => row.currency === currency);
  if (!credit || credit.refundableMinor < amountMinor) throw new ActionError("credit_already_refunded");
}

/**
 * Brings an issued invoice's figures in line with its live allocations: each instalment's paid amount (settled
 * plus written-off charges), statuses, overdue flags and next due date, for `today` in the organization's time
 * zone (today's date there when not given). Drafts and void invoices are left as they are.
 */
export async function recomputeInvoice(tx: Transaction, invoiceId: string, today?: string): Promise<void> {
  const [invoice] = await tx
    .select({ status: invoices.status, timezone: organizations.timezone, paidAt: invoices.paidAt })
    .from(invoices)
    .innerJoin(organizations, eq(organizations.id, invoices.organizationId))
    .where(eq(invoices.id, invoiceId));
  if (!invoice || invoice.status === "draft" || invoice.status === "void") return;

  const rows = await tx
    .select({
      id: invoiceInstalments.id,
      amountMinor: invoiceInstalments.amountMinor,
      dueDate: invoiceInstalments.dueDate,
      paidAt: invoiceInstalments.paidAt,
      paidMinor: sql<string>`coalesce((
        select sum(a.invoice_amount_minor + a.bank_charges_minor) from payment_allocations a
        where a.instalment_id = invoice_instalments.id and a.reversed_at is null
      ), 0)`,
    })
    .from(invoiceInstalments)
    .where(eq(invoiceInstalments.invoiceId, invoiceId))
    .orderBy(asc(invoiceInstalments.position));
  const figures = rows.map((row) => ({ ...row, paidMinor: BigInt(row.paidMinor) }));
  const state = invoiceState(figures, today ?? localDateOf(new Date(), invoice.timezone));
  const now = new Date();
  for (const [index, row] of figures.entries()) {
    const instalment = state.instalments[index]!;
    await tx
      .update(invoiceInstalments)
      .set({
        paidMinor: row.paidMinor,
        status: instalment.status,
        isOverdue: instalment.isOverdue,
        paidAt: instalment.status === "paid" ? (row.paidAt ?? now) : null,
      })
      .where(eq(invoiceInstalments.id, row.id));
  }
  await tx
    .update(invoices)
    .set({
      paidMinor: state.paidMinor,
      status: state.status,
      isOverdue: state.isOverdue,
      nextDueDate: state.nextDueDate,
      paidAt: state.status === "paid" ? (invoice.paidAt ?? now) : null,
      updatedAt: now,
    })
    .where(eq(invoices.id, invoiceId));
}
