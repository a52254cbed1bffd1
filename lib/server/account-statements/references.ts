import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { buyerRefunds, buyers, cardPayments, fxConversions, incomingPayments, invoices, paymentAllocations, payouts, statementImports } from "@/db/schema";
import { causeKey, type StatementCause, type StatementReference } from "@/lib/domain/account-statements";
import { isUuid } from "@/lib/domain/ledger";

type Resolved = { id: string; label: string; href: string | null };

type Resolver = (executor: Executor, organizationId: string, base: string, ids: string[]) => Promise<Resolved[]>;

/** How each kind of cause is named and where it is shown; every lookup is by primary key within the organization. */
const RESOLVERS: Record<string, Resolver> = {
  async payment_allocation(executor, organizationId, base, ids) {
    const rows = await executor
      .select({ id: paymentAllocations.id, invoiceId: invoices.id, number: invoices.number, buyerId: buyers.id, buyerName: buyers.name })
      .from(paymentAllocations)
      .leftJoin(invoices, eq(invoices.id, paymentAllocations.invoiceId))
      .leftJoin(buyers, eq(buyers.id, paymentAllocations.buyerId))
      .where(and(inArray(paymentAllocations.id, ids), eq(paymentAllocations.organizationId, organizationId)));
    return rows.map((row) =>
      row.invoiceId
        ? { id: row.id, label: row.number ?? row.invoiceId, href: `${base}/invoices/${row.invoiceId}` }
        : { id: row.id, label: row.buyerName ?? row.id, href: row.buyerId ? `${base}/buyers/${row.buyerId}` : null },
    );
  },
  async incoming_payment(executor, organizationId, base, ids) {
    const rows = await executor
      .select({ id: incomingPayments.id, bankRef: incomingPayments.bankRef })
      .from(incomingPayments)
      .where(and(inArray(incomingPayments.id, ids), eq(incomingPayments.organizationId, organizationId)));
    return rows.map((row) => ({ id: row.id, label: row.bankRef, href: `${base}/payments/${row.id}` }));
  },
  async card_payment(executor, organizationId, base, ids) {
    const rows = await executor
      .select({ id: cardPayments.id, invoiceId: cardPayments.invoiceId, number: invoices.number })
      .from(cardPayments)
      .innerJoin(invoices, eq(invoices.id, cardPayments.invoiceId))
      .where(and(inArray(cardPayments.id, ids), eq(cardPayments.organizationId, organizationId)));
    return rows.map((row) => ({ id: row.id, label: row.number ?? row.invoiceId, href: `${base}/invoices/${row.invoiceId}` }));
  },
  async fx_quote(executor, organizationId, base, ids) {
    const rows = await executor
      .select({ id: fxConversions.quoteId, sell: fxConversions.sellCurrency, buy: fxConversions.buyCurrency, rate: fxConversions.customerRate })
      .from(fxConversions)
      .where(and(inArray(fxConversions.quoteId, ids), eq(fxConversions.organizationId, organizationId)));
    return rows.map((row) => ({ id: row.id, label: `${row.sell}→${row.buy} @ ${row.rate}`, href: `${base}/fx/conversions` }));
  },
  async buyer_refund(executor, organizationId, base, ids) {
    const rows = await executor
      .select({ id: buyerRefunds.id, buyerId: buyerRefunds.buyerId, buyerName: buyers.name, reference: buyerRefunds.reference })
      .from(buyerRefunds)
      .innerJoin(buyers, eq(buyers.id, buyerRefunds.buyerId))
      .where(and(inArray(buyerRefunds.id, ids), eq(buyerRefunds.organizationId, organizationId)));
    return rows.map((row) => ({
      id: row.id,
      label: row.reference ? `${row.buyerName} · ${row.reference}` : row.buyerName,
      href: `${base}/buyers/${row.buyerId}/refunds`,
    }));
  },
  async payout(executor, organizationId, base, ids) {
    const rows = await executor
      .select({ id: payouts.id, bankReference: payouts.bankReference })
      .from(payouts)
      .where(and(inArray(payouts.id, ids), eq(payouts.organizationId, organizationId)));
    return rows.map((row) => ({ id: row.id, label: row.bankReference ?? row.id.slice(0, 8), href: `${base}/payouts` }));
  },
  async statement_import(executor, organizationId, base, ids) {
    const rows = await executor
      .select({ id: statementImports.id, fileName: statementImports.fileName })
      .from(statementImports)
      .where(and(inArray(statementImports.id, ids), eq(statementImports.organizationId, organizationId)));
    return rows.map((row) => ({ id: row.id, label: row.fileName, href: `${base}/statements/${row.id}` }));
  },
};

/**
 * Names and links for the causes of a statement's lines (the invoice a payment was matched to, the bank reference
 * of a receipt, the conversion, the refund …), keyed by causeKey. Causes of a kind without a page are left out:
 * the statement then names them by kind and id.
 */
export async function statementReferences(
  executor: Executor,
  organization: { id: string; slug: string },
  causes: readonly StatementCause[],
): Promise<Map<string, StatementReference>> {
  const idsByType = new Map<string, Set<string>>();
  for (const cause of causes) {
    if (!Object.hasOwn(RESOLVERS, cause.type) || !isUuid(cause.id)) continue;
    idsByType.set(cause.type, (idsByType.get(cause.type) ?? new Set()).add(cause.id));
  }
  const base = `/o/${organization.slug}`;
  const resolved = await Promise.all(
    [...idsByType].map(async ([type, ids]) => (await RESOLVERS[type]!(executor, organization.id, base, [...ids])).map((row) => [type, row] as const)),
  );
  return new Map(resolved.flat().map(([type, { id, label, href }]) => [causeKey({ type, id }), { label, href }]));
}
