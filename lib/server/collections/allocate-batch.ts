import { randomUUID } from "node:crypto";
import { rawClient, type Transaction } from "@/db/client";
import { AllocationPlanError, allocationEntry, invoiceState, planAllocation } from "@/lib/domain/collections";
import { type FeeLine, totalFees } from "@/lib/domain/fees";
import { validateEntry } from "@/lib/domain/ledger";
import { describeEntry } from "@/lib/domain/ledger/descriptions";
import type { CurrencyCode } from "@/lib/domain/money";
import { localDateOf } from "@/lib/domain/time/local-day";
import { reserveDisputeShortfalls } from "../disputes/shortfall";
import { lockCollectionPricing } from "../fees/collection-pricing";
import { ledgerPostMany } from "../ledger/post-many";

export interface BatchAllocation {
  paymentId: string;
  invoiceId: string;
  /** In the payment's currency, which must be the invoice's: automatic matches never cross currencies. */
  amountMinor: bigint;
  method: "rf_reference" | "invoice_number";
}

export interface BatchOutcome {
  /** Items applied, in the order given. */
  applied: BatchAllocation[];
  /** Items the locked figures no longer allowed (matched meanwhile, invoice voided…): left for a person. */
  skipped: { item: BatchAllocation; reason: string }[];
}

interface PaymentRow {
  id: string;
  currency: string;
  unapplied_minor: bigint;
  bank_ref: string;
  buyer_id: string | null;
}
interface InvoiceRow {
  id: string;
  buyer_id: string;
  buyer_country: string;
  number: string;
  currency: string;
  status: string;
  /** As PostgreSQL prints it: written back unchanged. */
  paid_at: string | null;
}
interface InstalmentRow {
  id: string;
  invoice_id: string;
  amount_minor: bigint;
  paid_minor: bigint;
  due_date: string | null;
  /** As PostgreSQL prints it: written back unchanged. */
  paid_at: string | null;
}
interface AllocationRow {
  id: string;
  paymentId: string;
  target: "invoice" | "buyer_credit";
  invoiceId: string | null;
  instalmentId: string | null;
  buyerId: string;
  method: BatchAllocation["method"];
  amountMinor: bigint;
  invoiceAmountMinor: bigint;
  currency: string;
  description: string;
  /** The collection fee lines of an invoice part (priced once every plan is made); none for a credit. */
  fees: FeeLine[];
  volumeCnyMinor: bigint;
}

/**
 * allocateToInvoice for many automatic matches of one organization at once, with the same rows, entries, fees and
 * figures, in a fixed number of statements: payments then invoices locked in id order, plans made in memory on
 * the locked figures, the month volume locked and every collection priced in order in memory, then one call of
 * ledger_post_many posting every allocation's entry (the allocationEntry that allocations.ts posts too), one
 * statement inserting the allocations with their entries and the entries' fee charges, and one update each of
 * payments, instalments, invoices and the month volume.
 */
export async function allocateBatch(tx: Transaction, organizationId: string, items: readonly BatchAllocation[]): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { applied: [], skipped: [] };
  if (items.length === 0) return outcome;
  const sql = rawClient(tx);
  const paymentIds = [...new Set(items.map((item) => item.paymentId))];
  const invoiceIds = [...new Set(items.map((item) => item.invoiceId))];
  // Joined from the ids, so each row comes by its key: `id = any(…)` beside the organization let the planner read
  // the organization's rows through a wider index.
  const payments = await sql<PaymentRow[]>`
    select p.id, p.currency, p.unapplied_minor, p.bank_ref, p.buyer_id
      from unnest(${sql.array(paymentIds)}::uuid[]) as k(id) join incoming_payments p on p.id = k.id
     where p.organization_id = ${organizationId} and p.source <> 'card'
     order by p.id for update of p`;
  const invoices = await sql<InvoiceRow[]>`
    select i.id, i.buyer_id, b.country as buyer_country, i.number, i.currency, i.status, i.paid_at::text as paid_at
      from unnest(${sql.array(invoiceIds)}::uuid[]) as k(id) join invoices i on i.id = k.id join buyers b on b.id = i.buyer_id
     where i.organization_id = ${organizationId}
     order by i.id for update of i`;
  const instalments = await sql<InstalmentRow[]>`
    select s.id, s.invoice_id, s.amount_minor, s.paid_minor, to_char(s.due_date, 'YYYY-MM-DD') as due_date, s.paid_at::text as paid_at
      from unnest(${sql.array(invoiceIds)}::uuid[]) as k(id) join invoice_instalments s on s.invoice_id = k.id
     order by s.invoice_id, s.position`;
  const [organization] = await sql<{ timezone: string }[]>`select timezone from organizations where id = ${organizationId}`;

  const paymentById = new Map(payments.map((row) => [row.id, { ...row, currency: row.currency.trim() }]));
  const invoiceById = new Map(invoices.map((row) => [row.id, { ...row, currency: row.currency.trim() }]));
  const instalmentsOf = new Map<string, InstalmentRow[]>();
  for (const row of instalments) instalmentsOf.set(row.invoice_id, [...(instalmentsOf.get(row.invoice_id) ?? []), row]);

  const allocations: AllocationRow[] = [];
  /** The invoice parts of each applied item, in order: one collection each. */
  const collections: { currency: string; country: string; parts: AllocationRow[] }[] = [];
  const touchedInvoices = new Set<string>();
  for (const item of items) {
    const payment = paymentById.get(item.paymentId);
    const invoice = invoiceById.get(item.invoiceId);
    const refusal = !payment
      ? "payment_not_found"
      : !invoice
        ? "invoice_not_found"
        : invoice.status === "draft" || invoice.status === "void"
          ? "invoice_not_payable"
          : invoice.currency !== payment.currency
            ? "currency_mismatch"
            : item.amountMinor <= 0n || item.amountMinor > payment.unapplied_minor
              ? "amount_exceeds_unapplied"
              : null;
    if (refusal || !payment || !invoice) {
      outcome.skipped.push({ item, reason: refusal ?? "payment_not_found" });
      continue;
    }
    const rows = instalmentsOf.get(invoice.id) ?? [];
    let plan;
    try {
      plan = planAllocation(
        rows.map((row) => ({ id: row.id, outstandingMinor: row.amount_minor - row.paid_minor })),
        { amountMinor: item.amountMinor, sameCurrency: true },
      );
    } catch (error) {
      if (!(error instanceof AllocationPlanError)) throw error;
      outcome.skipped.push({ item, reason: error.code });
      continue;
    }
    const common = { paymentId: payment.id, buyerId: invoice.buyer_id, method: item.method, currency: payment.currency, fees: [], volumeCnyMinor: 0n };
    const collection = { currency: payment.currency, country: invoice.buyer_country, parts: [] as AllocationRow[] };
    collections.push(collection);
    for (const part of plan.parts) {
      const instalment = rows.find((row) => row.id === part.instalmentId)!;
      instalment.paid_minor += part.invoiceAmountMinor;
      const row: AllocationRow = {
        ...common,
        id: randomUUID(),
        target: "invoice",
        invoiceId: invoice.id,
        instalmentId: part.instalmentId,
        amountMinor: part.amountMinor,
        invoiceAmountMinor: part.invoiceAmountMinor,
        description: describeEntry("paymentApplied", { bankRef: payment.bank_ref, invoice: invoice.number }),
      };
      allocations.push(row);
      collection.parts.push(row);
    }
    if (plan.excessMinor > 0n) {
      allocations.push({
        ...common,
        id: randomUUID(),
        target: "buyer_credit",
        invoiceId: null,
        instalmentId: null,
        amountMinor: plan.excessMinor,
        invoiceAmountMinor: 0n,
        description: describeEntry("overpaymentKept", { invoice: invoice.number }),
      });
    }
    payment.unapplied_minor -= item.amountMinor;
    payment.buyer_id ??= invoice.buyer_id;
    touchedInvoices.add(invoice.id);
    outcome.applied.push(item);
  }
  if (allocations.length === 0) return outcome;

  const pricer = await lockCollectionPricing(tx, organizationId, [...new Set(collections.map((collection) => collection.currency))]);
  for (const collection of collections) {
    const priced = pricer.price(collection.currency as CurrencyCode, collection.country, collection.parts.map((row) => row.amountMinor));
    collection.parts.forEach((row, index) => {
      row.fees = priced.fees[index]!;
      row.volumeCnyMinor = priced.volumeCnyMinor[index]!;
    });
  }
  // The buyers' keys are share-locked before the ledger accounts, as when the allocations went in first: a buyer's
  // credit refund locks the buyer, then its accounts, and the other order could deadlock with it.
  await sql`select 1 from buyers where id = any(${sql.array([...new Set(allocations.map((row) => row.buyerId))])}::uuid[]) order by id for key share`;
  const entryIds = allocations.map(() => randomUUID());
  await ledgerPostMany(
    sql,
    organizationId,
    null,
    allocations.map((row, index) => ({ id: entryIds[index]!, entry: validateEntry(allocationEntry(organizationId, row.id, row)) })),
  );
  await insertAllocations(sql, organizationId, allocations, entryIds, pricer.at);
  await pricer.save(tx);
  const touchedPayments = [...new Set(outcome.applied.map((item) => item.paymentId))].map((id) => paymentById.get(id)!);
  await sql`
    update incoming_payments p
       set unapplied_minor = t.unapplied,
           match_status = (case when t.unapplied = 0 then 'matched' else 'partially_matched' end)::payment_match_status,
           buyer_id = t.buyer_id
      from unnest(${sql.array(touchedPayments.map((row) => row.id))}::uuid[],
                  ${sql.array(touchedPayments.map((row) => row.unapplied_minor.toString()))}::bigint[],
                  ${sql.array(touchedPayments.map((row) => row.buyer_id))}::uuid[]) as t(id, unapplied, buyer_id)
     where p.id = t.id`;
  await saveInvoiceStates(sql, [...touchedInvoices].map((id) => ({ invoice: invoiceById.get(id)!, instalments: instalmentsOf.get(id) ?? [] })), organization?.timezone);
  // What became available goes to open disputes' shortfalls first, once per currency touched (the postings hold the
  // available accounts, which reserveDisputeShortfalls locks before the cases).
  for (const currency of [...new Set(collections.map((collection) => collection.currency))].sort()) {
    await reserveDisputeShortfalls(tx, organizationId, currency);
  }
  return outcome;
}

/** The allocations, each with its posted entry, and the fee charges of the entries. */
async function insertAllocations(sql: ReturnType<typeof rawClient>, organizationId: string, rows: AllocationRow[], entryIds: string[], at: Date): Promise<void> {
  const column = <T>(pick: (row: AllocationRow) => T) => rows.map(pick);
  const fees = rows.flatMap((row, index) => row.fees.map((fee) => ({ entryId: entryIds[index]!, ...fee })));
  const feeColumn = <T>(pick: (item: (typeof fees)[number]) => T) => fees.map(pick);
  await sql`
    with charged as (
      insert into fee_charges (organization_id, entry_id, type, currency, basis_minor, rate, amount_minor)
      select ${organizationId}::uuid, f.entry_id, f.type::fee_type, f.currency, f.basis, f.rate, f.amount
        from unnest(${sql.array(feeColumn((f) => f.entryId))}::uuid[], ${sql.array(feeColumn((f) => f.type))}::text[],
                    ${sql.array(feeColumn((f) => f.currency))}::bpchar[], ${sql.array(feeColumn((f) => f.basisMinor?.toString() ?? null))}::bigint[],
                    ${sql.array(feeColumn((f) => f.rate))}::text[], ${sql.array(feeColumn((f) => f.amountMinor.toString()))}::bigint[])
          as f(entry_id, type, currency, basis, rate, amount)
    )
    insert into payment_allocations (id, organization_id, payment_id, target, invoice_id, instalment_id, buyer_id, method, amount_minor, invoice_amount_minor,
                                     fee_minor, volume_cny_minor, entry_id, created_at)
    select t.id, ${organizationId}::uuid, t.payment_id, t.target::allocation_target, t.invoice_id, t.instalment_id, t.buyer_id, t.method::match_method,
           t.amount, t.invoice_amount, t.fee, t.volume, t.entry_id, ${at.toISOString()}::timestamptz
      from unnest(${sql.array(column((r) => r.id))}::uuid[], ${sql.array(column((r) => r.paymentId))}::uuid[],
                  ${sql.array(column((r) => r.target))}::text[], ${sql.array(column((r) => r.invoiceId))}::uuid[],
                  ${sql.array(column((r) => r.instalmentId))}::uuid[], ${sql.array(column((r) => r.buyerId))}::uuid[],
                  ${sql.array(column((r) => r.method))}::text[], ${sql.array(column((r) => r.amountMinor.toString()))}::bigint[],
                  ${sql.array(column((r) => r.invoiceAmountMinor.toString()))}::bigint[],
                  ${sql.array(column((r) => (r.target === "invoice" ? totalFees(r.currency as CurrencyCode, r.fees).toString() : null)))}::bigint[],
                  ${sql.array(column((r) => r.volumeCnyMinor.toString()))}::bigint[], ${sql.array(entryIds)}::uuid[])
        as t(id, payment_id, target, invoice_id, instalment_id, buyer_id, method, amount, invoice_amount, fee, volume, entry_id)`;
}

async function saveInvoiceStates(
  sql: ReturnType<typeof rawClient>,
  touched: { invoice: InvoiceRow; instalments: InstalmentRow[] }[],
  timezone: string | undefined,
): Promise<void> {
  const today = localDateOf(new Date(), timezone);
  const now = new Date().toISOString();
  const instalmentUpdates: { id: string; paid: bigint; status: string; overdue: boolean; paidAt: string | null }[] = [];
  const invoiceUpdates: { id: string; paid: bigint; status: string; overdue: boolean; nextDue: string | null; paidAt: string | null }[] = [];
  for (const { invoice, instalments } of touched) {
    const state = invoiceState(
      instalments.map((row) => ({ amountMinor: row.amount_minor, paidMinor: row.paid_minor, dueDate: row.due_date })),
      today,
    );
    instalments.forEach((row, index) => {
      const instalment = state.instalments[index]!;
      instalmentUpdates.push({
        id: row.id,
        paid: row.paid_minor,
        status: instalment.status,
        overdue: instalment.isOverdue,
        paidAt: instalment.status === "paid" ? (row.paid_at ?? now) : null,
      });
    });
    invoiceUpdates.push({
      id: invoice.id,
      paid: state.paidMinor,
      status: state.status,
      overdue: state.isOverdue,
      nextDue: state.nextDueDate,
      paidAt: state.status === "paid" ? (invoice.paid_at ?? now) : null,
    });
  }
  await sql`
    update invoice_instalments i
       set paid_minor = t.paid, status = t.status::instalment_status, is_overdue = t.overdue, paid_at = t.paid_at
      from unnest(${sql.array(instalmentUpdates.map((u) => u.id))}::uuid[], ${sql.array(instalmentUpdates.map((u) => u.paid.toString()))}::bigint[],
                  ${sql.array(instalmentUpdates.map((u) => u.status))}::text[], ${sql.array(instalmentUpdates.map((u) => u.overdue))}::boolean[],
                  ${sql.array(instalmentUpdates.map((u) => u.paidAt))}::timestamptz[]) as t(id, paid, status, overdue, paid_at)
     where i.id = t.id`;
  await sql`
    update invoices v
       set paid_minor = t.paid, status = t.status::invoice_status, is_overdue = t.overdue, next_due_date = t.next_due,
           paid_at = t.paid_at, updated_at = now()
      from unnest(${sql.array(invoiceUpdates.map((u) => u.id))}::uuid[], ${sql.array(invoiceUpdates.map((u) => u.paid.toString()))}::bigint[],
                  ${sql.array(invoiceUpdates.map((u) => u.status))}::text[], ${sql.array(invoiceUpdates.map((u) => u.overdue))}::boolean[],
                  ${sql.array(invoiceUpdates.map((u) => u.nextDue))}::date[], ${sql.array(invoiceUpdates.map((u) => u.paidAt))}::timestamptz[])
        as t(id, paid, status, overdue, next_due, paid_at)
     where v.id = t.id`;
}
