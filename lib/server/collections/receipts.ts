import { asc, eq, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { incomingPayments, invoiceInstalments, paymentAllocations } from "@/db/schema";
import { planAllocation, receiptEntry } from "@/lib/domain/collections";
import { describeEntry } from "@/lib/domain/ledger/descriptions";
import type { CurrencyCode } from "@/lib/domain/money";
import { postEntry } from "../ledger";
import { recomputeInvoice } from "./allocations";

export interface BankReceipt {
  organizationId: string;
  source: "bank_transfer" | "sandbox_transfer";
  statementImportId?: string | null;
  collectionAccountId?: string | null;
  accountIdentifier: string;
  bankRef: string;
  currency: string;
  amountMinor: bigint;
  bookingDate: string;
  valueDate: string;
  reference?: string | null;
  remittanceText?: string | null;
  payerName?: string | null;
  chargesMinor?: bigint;
  createdBy?: string | null;
}

export interface ReceiptResult {
  paymentId: string;
  /** False when this (account, bank reference) was already known: nothing was written. */
  created: boolean;
}

/**
 * Takes in money a bank reports on a collection account: the payment row and its receipt entry
 * (bank clearing → the organization's unapplied balance), once per (account, bank reference). A second
 * import of the same transaction, even at the same moment, waits on the unique index and then adds nothing.
 */
export async function recordBankReceipt(tx: Transaction, receipt: BankReceipt): Promise<ReceiptResult> {
  if (receipt.amountMinor <= 0n) throw new RangeError("A receipt is a positive amount");
  const inserted = await tx
    .insert(incomingPayments)
    .values({
      organizationId: receipt.organizationId,
      source: receipt.source,
      statementImportId: receipt.statementImportId ?? null,
      collectionAccountId: receipt.collectionAccountId ?? null,
      accountIdentifier: receipt.accountIdentifier,
      bankRef: receipt.bankRef,
      currency: receipt.currency,
      amountMinor: receipt.amountMinor,
      unappliedMinor: receipt.amountMinor,
      bookingDate: receipt.bookingDate,
      valueDate: receipt.valueDate,
      reference: receipt.reference ?? null,
      remittanceText: receipt.remittanceText ?? null,
      payerName: receipt.payerName ?? null,
      chargesMinor: receipt.chargesMinor ?? 0n,
    })
    .onConflictDoNothing({ target: [incomingPayments.accountIdentifier, incomingPayments.bankRef] })
    .returning({ id: incomingPayments.id });
  const paymentId = inserted[0]?.id;
  if (!paymentId) return { paymentId: await existingPaymentId(tx, receipt.accountIdentifier, receipt.bankRef), created: false };

  const { entryId } = await postEntry(tx, { ...receiptEntry(receipt.organizationId, paymentId, receipt), createdBy: receipt.createdBy ?? null });
  await tx.update(incomingPayments).set({ receiptEntryId: entryId }).where(eq(incomingPayments.id, paymentId));
  return { paymentId, created: true };
}

export interface CardCollection {
  organizationId: string;
  invoiceId: string;
  instalmentId: string;
  processor: string;
  processorPaymentId: string;
  currency: string;
  amountMinor: bigint;
  bookingDate: string;
  payerName?: string | null;
}

/**
 * A card payment the processor confirmed: card clearing → the organization's pending balance, applied at once
 * to the instalment the buyer paid (the allocation's entry is the receipt itself). Once per processor payment.
 */
export async function recordCardCollection(tx: Transaction, card: CardCollection): Promise<ReceiptResult> {
  if (card.amountMinor <= 0n) throw new RangeError("A card collection is a positive amount");
  const accountIdentifier = `card:${card.processor}`;
  const inserted = await tx
    .insert(incomingPayments)
    .values({
      organizationId: card.organizationId,
      source: "card",
      accountIdentifier,
      bankRef: card.processorPaymentId,
      currency: card.currency,
      amountMinor: card.amountMinor,
      unappliedMinor: 0n,
      bookingDate: card.bookingDate,
      valueDate: card.bookingDate,
      payerName: card.payerName ?? null,
      matchStatus: "matched",
    })
    .onConflictDoNothing({ target: [incomingPayments.accountIdentifier, incomingPayments.bankRef] })
    .returning({ id: incomingPayments.id });
  const paymentId = inserted[0]?.id;
  if (!paymentId) return { paymentId: await existingPaymentId(tx, accountIdentifier, card.processorPaymentId), created: false };

  const currency = card.currency as CurrencyCode;
  const { entryId } = await postEntry(tx, {
    organizationId: card.organizationId,
    idempotencyKey: `card-receipt:${paymentId}`,
    type: "card_receipt",
    description: describeEntry("cardPayment", { reference: card.processorPaymentId }),
    cause: { type: "incoming_payment", id: paymentId },
    lines: [
      { account: { organizationId: null, kind: "card_clearing", currency }, amountMinor: -card.amountMinor },
      { account: { organizationId: card.organizationId, kind: "pending", currency }, amountMinor: card.amountMinor },
    ],
  });
  const [invoice] = await tx.execute<{ buyer_id: string; currency: string; status: string }>(
    sql`select buyer_id, currency, status from invoices where id = ${card.invoiceId} and organization_id = ${card.organizationId} for update`,
  );
  if (!invoice) throw new RangeError("The card payment's invoice is not this organization's");
  if (invoice.currency !== card.currency) throw new RangeError("A card payment is taken in the invoice's currency");
  await tx.update(incomingPayments).set({ receiptEntryId: entryId, buyerId: invoice.buyer_id }).where(eq(incomingPayments.id, paymentId));
  const instalments = await tx
    .select({ id: invoiceInstalments.id, amountMinor: invoiceInstalments.amountMinor, paidMinor: invoiceInstalments.paidMinor })
    .from(invoiceInstalments)
    .where(eq(invoiceInstalments.invoiceId, card.invoiceId))
    .orderBy(sql`${invoiceInstalments.id} = ${card.instalmentId} desc`, asc(invoiceInstalments.position));
  const owed = instalments.reduce((sum, instalment) => sum + instalment.amountMinor - instalment.paidMinor, 0n);
  // The buyer paid what the pay page showed; if a transfer settled part of it meanwhile, or the invoice was voided
  // while the card was being charged, what is not owed is their credit.
  const plan =
    owed > 0n && invoice.status !== "void"
      ? planAllocation(
          instalments.map((instalment) => ({ id: instalment.id, outstandingMinor: instalment.amountMinor - instalment.paidMinor })),
          { amountMinor: card.amountMinor, sameCurrency: true },
        )
      : { parts: [], excessMinor: card.amountMinor };
  const common = { organizationId: card.organizationId, paymentId, buyerId: invoice.buyer_id, method: "card" as const, entryId };
  for (const part of plan.parts) {
    await tx.insert(paymentAllocations).values({
      ...common,
      target: "invoice",
      invoiceId: card.invoiceId,
      instalmentId: part.instalmentId,
      amountMinor: part.amountMinor,
      invoiceAmountMinor: part.invoiceAmountMinor,
    });
  }
  if (plan.excessMinor > 0n) {
    await tx.insert(paymentAllocations).values({ ...common, target: "buyer_credit", amountMinor: plan.excessMinor, invoiceAmountMinor: 0n });
  }
  await recomputeInvoice(tx, card.invoiceId);
  return { paymentId, created: true };
}

async function existingPaymentId(tx: Transaction, accountIdentifier: string, bankRef: string): Promise<string> {
  const [row] = await tx
    .select({ id: incomingPayments.id })
    .from(incomingPayments)
    .where(sql`${incomingPayments.accountIdentifier} = ${accountIdentifier} and ${incomingPayments.bankRef} = ${bankRef}`);
  if (!row) throw new Error(`Payment ${accountIdentifier}/${bankRef} conflicted but cannot be found`);
  return row.id;
}
