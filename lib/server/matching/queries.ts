import { and, asc, desc, eq, gte, ilike, inArray, isNull, lte, ne, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { db, type Executor } from "@/db/client";
import { buyers, collectionAccounts, incomingPayments, invoiceInstalments, invoices, paymentAllocations, statementImports } from "@/db/schema";
import {
  DEFAULT_BANK_CHARGES_POLICY,
  largestBankCharges,
  looksLikeBankCharges,
  NAME_SIMILARITY_THRESHOLD,
  nameSimilarity,
  quotedReferences,
  rankSuggestions,
  storedSpellings,
  type Suggestion,
} from "@/lib/domain/matching";
import { collectionFeeTerms } from "../fees/collection-pricing";
import { invoiceCandidate, invoicesNamed, invoicesToSuggest } from "./candidates";

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** How many payments wait in the queue, for the tab's badge. */
export async function queueSize(organizationId: string, executor: Executor = db()): Promise<number> {
  const [row] = await executor
    .select({ n: sql<number>`count(*)::int` })
    .from(incomingPayments)
    .where(and(eq(incomingPayments.organizationId, organizationId), ne(incomingPayments.source, "card"), sql`${incomingPayments.unappliedMinor} > 0`));
  return row?.n ?? 0;
}

/** The currencies the organization has received, for the filter. */
export async function paymentCurrencies(organizationId: string, executor: Executor = db()): Promise<string[]> {
  const rows = await executor
    .selectDistinct({ currency: incomingPayments.currency })
    .from(incomingPayments)
    .where(eq(incomingPayments.organizationId, organizationId))
    .orderBy(asc(incomingPayments.currency));
  return rows.map((row) => row.currency);
}

/** One payment of the organization with where it came from and its allocations; null when it is not the organization's. */
export async function paymentDetail(organizationId: string, paymentId: string, executor: Executor = db()) {
  if (!z.uuid().safeParse(paymentId).success) return null;
  const [row] = await executor
    .select({
      payment: incomingPayments,
      buyerName: buyers.name,
      statementFileName: statementImports.fileName,
      statementImportedAt: statementImports.createdAt,
      bankName: collectionAccounts.bankName,
    })
    .from(incomingPayments)
    .leftJoin(buyers, eq(buyers.id, incomingPayments.buyerId))
    .leftJoin(statementImports, eq(statementImports.id, incomingPayments.statementImportId))
    .leftJoin(collectionAccounts, eq(collectionAccounts.id, incomingPayments.collectionAccountId))
    .where(and(eq(incomingPayments.id, paymentId), eq(incomingPayments.organizationId, organizationId)));
  if (!row) return null;
  const allocations = await executor
    .select({
      id: paymentAllocations.id,
      target: paymentAllocations.target,
      method: paymentAllocations.method,
      invoiceId: paymentAllocations.invoiceId,
      invoiceNumber: invoices.number,
      invoiceCurrency: invoices.currency,
      buyerId: paymentAllocations.buyerId,
      buyerName: buyers.name,
      amountMinor: paymentAllocations.amountMinor,
      invoiceAmountMinor: paymentAllocations.invoiceAmountMinor,
      bankChargesMinor: paymentAllocations.bankChargesMinor,
      feeMinor: paymentAllocations.feeMinor,
      currencyMismatch: paymentAllocations.currencyMismatch,
      entryId: paymentAllocations.entryId,
      createdAt: paymentAllocations.createdAt,
      reversedAt: paymentAllocations.reversedAt,
    })
    .from(paymentAllocations)
    .leftJoin(invoices, eq(invoices.id, paymentAllocations.invoiceId))
    .leftJoin(invoiceInstalments, eq(invoiceInstalments.id, paymentAllocations.instalmentId))
    .leftJoin(buyers, eq(buyers.id, paymentAllocations.buyerId))
    .where(eq(paymentAllocations.paymentId, paymentId))
    // One match writes a row per instalment (oldest first) and maybe one for credit, all at the same moment.
    .orderBy(asc(paymentAllocations.createdAt), asc(invoiceInstalments.position), asc(paymentAllocations.target), asc(paymentAllocations.id));
  return { ...row.payment, buyerName: row.buyerName, statementFileName: row.statementFileName, statementImportedAt: row.statementImportedAt, bankName: row.bankName, allocations };
}

export type PaymentDetail = NonNullable<Awaited<ReturnType<typeof paymentDetail>>>;

/** Why automatic matching left a payment that names an invoice for a person: what it names and what differs. */
export async function heldBackReason(payment: PaymentDetail, executor: Executor = db()) {
  if (payment.source === "card" || payment.unappliedMinor === 0n) return null;
  const quoted = quotedReferences(payment);
  const named = await invoicesNamed(executor, payment.organizationId, quoted.rfReference ? [quoted.rfReference] : [], quoted.invoiceNumberKeys.flatMap(storedSpellings));
  const currencyDiffers = named.find((invoice) => invoice.currency !== payment.currency);
  if (currencyDiffers) return { code: "currency_mismatch" as const, invoiceNumber: currencyDiffers.number, invoiceCurrency: currencyDiffers.currency };
  const closed = named.find((invoice) => invoice.status === "paid" || invoice.status === "void");
  if (closed) return { code: closed.status === "paid" ? ("already_paid" as const) : ("not_payable" as const), invoiceNumber: closed.number, invoiceCurrency: closed.currency };
  return null;
}

/** Ranked guesses for a payment that still has money to apply; never applied without a person. */
export async function paymentSuggestions(
  payment: PaymentDetail,
  executor: Executor = db(),
): Promise<(Suggestion & { invoice: { number: string; buyerName: string; buyerId: string; buyerCountry: string; currency: string; outstandingMinor: bigint; instalmentsOutstandingMinor: bigint[] } })[]> {
  if (payment.source === "card" || payment.unappliedMinor === 0n) return [];
  const facts = {
    currency: payment.currency,
    unappliedMinor: payment.unappliedMinor,
    reference: payment.reference,
    remittanceText: payment.remittanceText,
    payerName: payment.payerName,
    bookingDate: payment.bookingDate,
    chargesMinor: payment.chargesMinor,
  };
  const quoted = quotedReferences(facts);
  const named = await invoicesNamed(executor, payment.organizationId, quoted.rfReference ? [quoted.rfReference] : [], quoted.invoiceNumberKeys.flatMap(storedSpellings));
  const buyerIds = payment.payerName ? await buyersLike(executor, payment.organizationId, payment.payerName) : [];
  const candidates = await invoicesToSuggest(executor, payment.organizationId, {
    currency: payment.currency,
    amountMinor: payment.unappliedMinor,
    highestMinor: payment.unappliedMinor + largestBankCharges(payment.unappliedMinor, payment.currency),
    bookingDate: payment.bookingDate,
    buyerIds,
    invoiceIds: named.map((invoice) => invoice.id),
  });
  const byId = new Map(candidates.map((candidate) => [candidate.id, candidate]));
  return rankSuggestions(facts, candidates).map((suggestion) => {
    const invoice = byId.get(suggestion.invoiceId)!;
    return {
      ...suggestion,
      invoice: {
        number: invoice.number,
        buyerName: invoice.buyerName,
        buyerId: invoice.buyerId,
        buyerCountry: invoice.buyerCountry,
        currency: invoice.currency,
        outstandingMinor: invoice.outstandingMinor,
        instalmentsOutstandingMinor: invoice.instalments.map((instalment) => instalment.outstandingMinor),
      },
    };
  });
}

/** The organization's buyers whose name is like the payer's. */
async function buyersLike(executor: Executor, organizationId: string, payerName: string): Promise<string[]> {
  const rows = await executor.select({ id: buyers.id, name: buyers.name }).from(buyers).where(eq(buyers.organizationId, organizationId));
  return rows.filter((buyer) => nameSimilarity(payerName, buyer.name) >= NAME_SIMILARITY_THRESHOLD).map((buyer) => buyer.id);
}

/** Open invoices of the organization by number or buyer name, for matching by hand, with what each instalment still owes. */
export async function searchOpenInvoices(organizationId: string, query: string, executor: Executor = db()) {
  const text = query.trim();
  if (!text) return [];
  const pattern = `%${escapeLike(text)}%`;
  const compact = text.replace(/[^A-Za-z0-9]/g, "");
  const found = await executor
    .select({
      id: invoices.id,
      number: invoices.number,
      currency: invoices.currency,
      outstandingMinor: sql<bigint>`${invoices.totalMinor} - ${invoices.paidMinor}`.mapWith((value) => BigInt(value)),
      nextDueDate: invoices.nextDueDate,
      buyerId: buyers.id,
      buyerName: buyers.name,
      buyerCountry: buyers.country,
    })
    .from(invoices)
    .innerJoin(buyers, eq(buyers.id, invoices.buyerId))
    .where(
      and(
        eq(invoices.organizationId, organizationId),
        inArray(invoices.status, ["open", "partially_paid"]),
        or(
          ilike(invoices.number, pattern),
          compact ? ilike(sql`replace(${invoices.number}, '-', '')`, `%${escapeLike(compact)}%`) : undefined,
          ilike(buyers.name, pattern),
          ilike(invoices.rfReference, `%${escapeLike(text.replace(/\s+/g, ""))}%`),
        ),
      ),
    )
    .orderBy(asc(invoices.nextDueDate), asc(invoices.number))
    .limit(20);
  if (found.length === 0) return [];
  const instalments = await executor
    .select({ invoiceId: invoiceInstalments.invoiceId, outstandingMinor: sql<bigint>`${invoiceInstalments.amountMinor} - ${invoiceInstalments.paidMinor}`.mapWith((value) => BigInt(value)) })
    .from(invoiceInstalments)
    .where(inArray(invoiceInstalments.invoiceId, found.map((invoice) => invoice.id)))
    .orderBy(asc(invoiceInstalments.invoiceId), asc(invoiceInstalments.position));
  return found.map((invoice) => ({
    ...invoice,
    instalmentsOutstandingMinor: instalments.filter((row) => row.invoiceId === invoice.id).map((row) => row.outstandingMinor),
  }));
}

/** The terms a manual match would be priced on now (the payer's country comes with each invoice), for showing its fee first. */
export function matchFeeTerms(organizationId: string) {
  return collectionFeeTerms(organizationId);
}

/**
 * The "settle with bank charges" offer on a payment: an invoice it was applied to (in its currency, without charges
 * yet) that it left short by what looks like bank charges.
 */
export async function bankChargesOffer(payment: PaymentDetail, executor: Executor = db()) {
  const live = payment.allocations.filter((allocation) => allocation.target === "invoice" && !allocation.reversedAt && allocation.invoiceId);
  const invoiceIds = [...new Set(live.map((allocation) => allocation.invoiceId!))];
  if (invoiceIds.length !== 1 || live.some((allocation) => allocation.currencyMismatch || allocation.bankChargesMinor > 0n)) return null;
  const invoice = await invoiceCandidate(executor, payment.organizationId, invoiceIds[0]!);
  if (!invoice || invoice.outstandingMinor === 0n) return null;
  const applied = live.reduce((sum, allocation) => sum + allocation.amountMinor, 0n);
  // The money filled the oldest instalments and stopped in the first one still unpaid: its rest is the shortfall.
  const shortfall = invoice.instalments[0]?.outstandingMinor ?? invoice.outstandingMinor;
  const due = applied + shortfall;
  if (!looksLikeBankCharges({ shortfallMinor: shortfall, dueMinor: due, reportedChargesMinor: payment.chargesMinor, currency: payment.currency }, DEFAULT_BANK_CHARGES_POLICY)) return null;
  return { invoiceId: invoice.id, invoiceNumber: invoice.number, shortfallMinor: shortfall };
}

/** The organization's buyers by name, for choosing whose credit a payment becomes. */
export function organizationBuyerNames(organizationId: string, executor: Executor = db()) {
  return executor.select({ id: buyers.id, name: buyers.name }).from(buyers).where(eq(buyers.organizationId, organizationId)).orderBy(asc(buyers.name));
}
