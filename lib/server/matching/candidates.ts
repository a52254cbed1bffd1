import { type Executor, rawClient } from "@/db/client";
import type { CandidateInvoice, InvoiceStatus } from "@/lib/domain/matching";

interface InvoiceRow {
  id: string;
  number: string;
  rf_reference: string | null;
  buyer_id: string;
  buyer_name: string;
  buyer_country: string;
  currency: string;
  status: InvoiceStatus;
  outstanding_minor: bigint;
}

interface InstalmentRow {
  invoice_id: string;
  label: string;
  outstanding_minor: bigint;
  due_date: string | null;
}

/** An invoice as matching sees it, with the buyer's country (the payer's, for the collection fee). */
export type MatchCandidate = CandidateInvoice & { buyerCountry: string };

/** Issued invoices of the organization picked by `where` (an SQL condition on `i`), with their unpaid instalments, as matching sees them. */
async function loadCandidates(executor: Executor, organizationId: string, where: (sql: ReturnType<typeof rawClient>) => ReturnType<ReturnType<typeof rawClient>>, limit = 100_000) {
  const sql = rawClient(executor);
  const invoices = await sql<InvoiceRow[]>`
    select i.id, i.number, i.rf_reference, i.buyer_id, b.name as buyer_name, b.country as buyer_country, i.currency, i.status,
           i.total_minor - i.paid_minor as outstanding_minor
      from invoices i join buyers b on b.id = i.buyer_id
     where i.organization_id = ${organizationId} and i.status <> 'draft' and ${where(sql)}
     order by i.issue_date, i.id
     limit ${limit}`;
  if (invoices.length === 0) return [];
  const instalments = await sql<InstalmentRow[]>`
    select invoice_id, label, amount_minor - paid_minor as outstanding_minor, to_char(due_date, 'YYYY-MM-DD') as due_date
      from invoice_instalments
     where invoice_id = any(${sql.array(invoices.map((invoice) => invoice.id))}::uuid[]) and paid_minor < amount_minor
     order by invoice_id, position`;
  const byInvoice = new Map<string, CandidateInvoice["instalments"][number][]>();
  for (const row of instalments) {
    const list = byInvoice.get(row.invoice_id) ?? [];
    list.push({ label: row.label, outstandingMinor: BigInt(row.outstanding_minor), dueDate: row.due_date });
    byInvoice.set(row.invoice_id, list);
  }
  return invoices.map(
    (row): MatchCandidate => ({
      id: row.id,
      number: row.number,
      rfReference: row.rf_reference,
      buyerId: row.buyer_id,
      buyerName: row.buyer_name,
      buyerCountry: row.buyer_country,
      currency: row.currency.trim(),
      status: row.status,
      outstandingMinor: BigInt(row.outstanding_minor),
      instalments: byInvoice.get(row.id) ?? [],
    }),
  );
}

/**
 * The invoices some payments name, looked up key by key: by RF reference or by exact (stored-spelling) number.
 * Joined from the keys, as `= any(…)` beside the organization let the planner read the organization's whole list.
 */
export function invoicesNamed(executor: Executor, organizationId: string, rfReferences: readonly string[], numbers: readonly string[]) {
  if (rfReferences.length === 0 && numbers.length === 0) return Promise.resolve([]);
  return loadCandidates(
    executor,
    organizationId,
    (sql) => sql`i.id in (
      select x.id from unnest(${sql.array([...rfReferences])}::text[]) as r(rf) join invoices x on x.rf_reference = r.rf
      union all
      select x.id from unnest(${sql.array([...numbers])}::text[]) as n(number) join invoices x on x.organization_id = ${organizationId} and x.number = n.number
    )`,
  );
}

/**
 * Open invoices that could be a payment's: those it names, those of buyers its payer may be, and in its currency
 * those owing the amount or a little more (what bank charges could have taken) or due near the booking date.
 */
export function invoicesToSuggest(
  executor: Executor,
  organizationId: string,
  filter: { currency: string; amountMinor: bigint; highestMinor: bigint; bookingDate: string; buyerIds: readonly string[]; invoiceIds: readonly string[] },
) {
  const low = filter.amountMinor.toString();
  const high = filter.highestMinor.toString();
  return loadCandidates(
    executor,
    organizationId,
    (sql) => sql`(
      i.id = any(${sql.array([...filter.invoiceIds])}::uuid[])
      or (i.status in ('open', 'partially_paid') and (
        i.buyer_id = any(${sql.array([...filter.buyerIds])}::uuid[])
        or (i.currency = ${filter.currency} and (
          i.total_minor - i.paid_minor between ${low}::bigint and ${high}::bigint
          or exists (select 1 from invoice_instalments s where s.invoice_id = i.id and s.amount_minor - s.paid_minor between ${low}::bigint and ${high}::bigint)
          or i.next_due_date between ${filter.bookingDate}::date - 30 and ${filter.bookingDate}::date + 30
        ))
      ))
    )`,
    200,
  );
}

/** One invoice of the organization as matching sees it, or null. */
export async function invoiceCandidate(executor: Executor, organizationId: string, invoiceId: string): Promise<MatchCandidate | null> {
  const [invoice] = await loadCandidates(executor, organizationId, (sql) => sql`i.id = ${invoiceId}`, 1);
  return invoice ?? null;
}
