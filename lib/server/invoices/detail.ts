import { and, asc, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { db, type Executor } from "@/db/client";
import { buyers, incomingPayments, invoiceInstalments, invoiceLines, invoices, paymentAllocations, users } from "@/db/schema";
import { displayStatus, readStoredTerms } from "@/lib/domain/invoices";

/** One invoice of the organization with its buyer, lines and instalments, or null (also for another organization's). */
export async function invoiceDetail(organizationId: string, invoiceId: string, executor: Executor = db()) {
  if (!z.uuid().safeParse(invoiceId).success) return null;
  const [found] = await executor
    .select({ invoice: invoices, buyer: buyers })
    .from(invoices)
    .innerJoin(buyers, eq(buyers.id, invoices.buyerId))
    .where(and(eq(invoices.id, invoiceId), eq(invoices.organizationId, organizationId)));
  if (!found) return null;
  const [lines, instalments] = await Promise.all([
    executor.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoiceId)).orderBy(asc(invoiceLines.position)),
    executor.select().from(invoiceInstalments).where(eq(invoiceInstalments.invoiceId, invoiceId)).orderBy(asc(invoiceInstalments.position)),
  ]);
  return {
    ...found,
    terms: readStoredTerms(found.invoice.terms),
    displayStatus: displayStatus(found.invoice.status, found.invoice.isOverdue),
    lines,
    instalments,
  };
}
export type InvoiceDetail = NonNullable<Awaited<ReturnType<typeof invoiceDetail>>>;

/** The money applied to an invoice: each allocation with the payment it came from, newest first (reversed ones too). */
export async function invoiceAllocations(organizationId: string, invoiceId: string, executor: Executor = db()) {
  return executor
    .select({
      id: paymentAllocations.id,
      instalmentId: paymentAllocations.instalmentId,
      method: paymentAllocations.method,
      amountMinor: paymentAllocations.amountMinor,
      invoiceAmountMinor: paymentAllocations.invoiceAmountMinor,
      bankChargesMinor: paymentAllocations.bankChargesMinor,
      feeMinor: paymentAllocations.feeMinor,
      currencyMismatch: paymentAllocations.currencyMismatch,
      createdAt: paymentAllocations.createdAt,
      reversedAt: paymentAllocations.reversedAt,
      paymentId: incomingPayments.id,
      paymentSource: incomingPayments.source,
      paymentCurrency: incomingPayments.currency,
      valueDate: incomingPayments.valueDate,
      payerName: incomingPayments.payerName,
      bankRef: incomingPayments.bankRef,
      matchedByName: users.name,
    })
    .from(paymentAllocations)
    .innerJoin(incomingPayments, eq(incomingPayments.id, paymentAllocations.paymentId))
    .leftJoin(users, eq(users.id, paymentAllocations.createdBy))
    .where(and(eq(paymentAllocations.invoiceId, invoiceId), eq(paymentAllocations.organizationId, organizationId)))
    .orderBy(desc(paymentAllocations.createdAt));
}
export type InvoiceAllocation = Awaited<ReturnType<typeof invoiceAllocations>>[number];
