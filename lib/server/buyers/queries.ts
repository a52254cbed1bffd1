import { and, asc, desc, eq, ilike, inArray, isNull, or, sql } from "drizzle-orm";
import { z } from "zod";
import { db, type Executor } from "@/db/client";
import { buyers, incomingPayments, invoiceInstalments, invoices, paymentAllocations } from "@/db/schema";
import { averageDaysLate, displayStatus, readStoredTerms } from "@/lib/domain/invoices";
import { localDateOf } from "@/lib/domain/time/local-day";

export const buyerSearchSchema = z.object({ q: z.string().trim().max(100).default("") });

/** The organization's buyers by name, with how many invoices each has and what is still open per currency. */
export async function listBuyers(organizationId: string, q = "", executor: Executor = db()) {
  const rows = await executor
    .select({
      id: buyers.id,
      name: buyers.name,
      country: buyers.country,
      defaultCurrency: buyers.defaultCurrency,
      contacts: buyers.contacts,
      invoiceCount: sql<number>`count(${invoices.id}) filter (where ${invoices.status} <> 'void')::int`,
      overdueCount: sql<number>`count(${invoices.id}) filter (where ${invoices.isOverdue} and ${invoices.status} in ('open', 'partially_paid'))::int`,
    })
    .from(buyers)
    .leftJoin(invoices, eq(invoices.buyerId, buyers.id))
    .where(and(eq(buyers.organizationId, organizationId), q ? ilike(buyers.name, `%${q.replace(/[%_\\]/g, "\\$&")}%`) : undefined))
    .groupBy(buyers.id)
    .orderBy(asc(sql`lower(${buyers.name})`));
  return rows;
}
export type BuyerListRow = Awaited<ReturnType<typeof listBuyers>>[number];

/** Names and defaults for the invoice form's buyer select. */
export async function buyerOptions(organizationId: string, executor: Executor = db()) {
  const rows = await executor
    .select({ id: buyers.id, name: buyers.name, defaultCurrency: buyers.defaultCurrency, defaultTerms: buyers.defaultTerms })
    .from(buyers)
    .where(eq(buyers.organizationId, organizationId))
    .orderBy(asc(sql`lower(${buyers.name})`));
  return rows.map((row) => ({ ...row, defaultTerms: readStoredTerms(row.defaultTerms) }));
}
export type BuyerOption = Awaited<ReturnType<typeof buyerOptions>>[number];

/** One buyer of the organization, or null (also when it is another organization's). */
export async function organizationBuyer(organizationId: string, buyerId: string, executor: Executor = db()) {
  if (!z.uuid().safeParse(buyerId).success) return null;
  const [buyer] = await executor.select().from(buyers).where(and(eq(buyers.id, buyerId), eq(buyers.organizationId, organizationId)));
  return buyer ? { ...buyer, defaultTerms: readStoredTerms(buyer.defaultTerms) } : null;
}

/**
 * What the buyer page shows: the buyer, their invoices, the payments that came from them (identified as theirs, or
 * applied to their invoices) and how late they pay on average (paid instalments, days after the due date, in the
 * organization's time zone; early counts as zero).
 */
export async function buyerOverview(organizationId: string, buyerId: string, timeZone: string, executor: Executor = db()) {
  const buyer = await organizationBuyer(organizationId, buyerId, executor);
  if (!buyer) return null;
  const invoiceRows = await executor
    .select({
      id: invoices.id,
      number: invoices.number,
      status: invoices.status,
      isOverdue: invoices.isOverdue,
      currency: invoices.currency,
      issueDate: invoices.issueDate,
      nextDueDate: invoices.nextDueDate,
      totalMinor: invoices.totalMinor,
      paidMinor: invoices.paidMinor,
    })
    .from(invoices)
    .where(and(eq(invoices.organizationId, organizationId), eq(invoices.buyerId, buyerId)))
    .orderBy(desc(invoices.issueDate), desc(invoices.id));

  const appliedToTheirInvoices = executor
    .select({ id: paymentAllocations.paymentId })
    .from(paymentAllocations)
    .innerJoin(invoices, eq(invoices.id, paymentAllocations.invoiceId))
    .where(and(eq(invoices.buyerId, buyerId), isNull(paymentAllocations.reversedAt)));
  const payments = await executor
    .select({
      id: incomingPayments.id,
      source: incomingPayments.source,
      currency: incomingPayments.currency,
      amountMinor: incomingPayments.amountMinor,
      unappliedMinor: incomingPayments.unappliedMinor,
      valueDate: incomingPayments.valueDate,
      reference: incomingPayments.reference,
      payerName: incomingPayments.payerName,
      matchStatus: incomingPayments.matchStatus,
    })
    .from(incomingPayments)
    .where(
      and(
        eq(incomingPayments.organizationId, organizationId),
        or(eq(incomingPayments.buyerId, buyerId), inArray(incomingPayments.id, appliedToTheirInvoices)),
      ),
    )
    .orderBy(desc(incomingPayments.valueDate), desc(incomingPayments.id))
    .limit(100);

  const paidInstalments = await executor
    .select({ dueDate: invoiceInstalments.dueDate, paidAt: invoiceInstalments.paidAt })
    .from(invoiceInstalments)
    .innerJoin(invoices, eq(invoices.id, invoiceInstalments.invoiceId))
    .where(and(eq(invoices.organizationId, organizationId), eq(invoices.buyerId, buyerId), eq(invoiceInstalments.status, "paid")));
  const daysLate = averageDaysLate(
    paidInstalments.filter((i) => i.paidAt !== null).map((i) => ({ dueDate: i.dueDate, paidDate: localDateOf(i.paidAt!, timeZone) })),
  );

  return {
    buyer,
    invoices: invoiceRows.map((row) => ({ ...row, displayStatus: displayStatus(row.status, row.isOverdue) })),
    payments,
    averageDaysLate: daysLate,
    paidInstalmentCount: paidInstalments.length,
  };
}
export type BuyerOverview = NonNullable<Awaited<ReturnType<typeof buyerOverview>>>;
