import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import type { BuyerLateness, OpenInstalmentCount } from "@/lib/domain/dashboard";

/*
 * Reads of the pre-aggregated tables (db/schema/dashboard.ts): each sums the delta rows of its keys, so it costs the
 * number of distinct keys (days × currencies, due dates × buyers …), never the number of invoices or payments.
 */

export interface ReceivableRow extends OpenInstalmentCount {
  readonly currency: string;
  readonly outstandingMinor: bigint;
}

const and = (parts: (SQL | null)[]) => sql.join(parts.filter((part): part is SQL => part !== null), sql` and `);

/** What open invoices owe per buyer, currency and due date. */
export async function receivableRows(executor: Executor, organizationId: string, filters: { currency: string | null; buyerId: string | null }): Promise<ReceivableRow[]> {
  const rows = await executor.execute<{ buyer_id: string; currency: string; due_date: string | null; outstanding: string; instalments: number }>(sql`
    select buyer_id, currency, due_date::text, sum(outstanding_minor)::text as outstanding, sum(instalments)::int as instalments
      from dashboard_receivables
     where ${and([
       sql`organization_id = ${organizationId}`,
       filters.currency ? sql`currency = ${filters.currency}` : null,
       filters.buyerId ? sql`buyer_id = ${filters.buyerId}` : null,
     ])}
     group by buyer_id, currency, due_date
    having sum(outstanding_minor) <> 0 or sum(instalments) <> 0`);
  return rows.map((row) => ({ buyerId: row.buyer_id, currency: row.currency.trim(), dueDate: row.due_date, outstandingMinor: BigInt(row.outstanding), instalments: row.instalments }));
}

/** Paid instalments' days late per buyer, for the given buyers. */
export async function paidLateness(executor: Executor, organizationId: string, buyerIds: readonly string[]): Promise<BuyerLateness[]> {
  if (buyerIds.length === 0) return [];
  const rows = await executor.execute<{ buyer_id: string; late_days: string; instalments: number }>(sql`
    select buyer_id, sum(late_days)::text as late_days, sum(paid_instalments)::int as instalments
      from dashboard_lateness
     where organization_id = ${organizationId} and buyer_id in (${sql.join(buyerIds.map((id) => sql`${id}::uuid`), sql`, `)})
     group by buyer_id`);
  return rows.map((row) => ({ buyerId: row.buyer_id, lateDays: Number(row.late_days), instalments: row.instalments }));
}

export interface DailyFilter {
  readonly from: string;
  readonly to: string;
  readonly currency: string | null;
  readonly buyerId: string | null;
}

export interface FlowRow {
  /** `YYYY-MM`, or null when summed over the whole period. */
  readonly month: string | null;
  readonly currency: string;
  readonly invoicedMinor: bigint;
  readonly collectedMinor: bigint;
}

/**
 * Invoiced (issue date) and collected (booking date) per currency between two dates, both included, per month or
 * over the whole period. The organization-wide figures come from dashboard_daily; one buyer's (the aggregate has no
 * buyer) from that buyer's invoices and payments in the period, through their buyer indexes.
 */
export async function flows(executor: Executor, organizationId: string, filter: DailyFilter, by: "month" | "period"): Promise<FlowRow[]> {
  const monthOf = (column: SQL) => (by === "month" ? sql`to_char(${column}, 'YYYY-MM')` : sql`null::text`);
  const currency = (column: SQL) => (filter.currency ? sql`${column} = ${filter.currency}` : null);
  const source = filter.buyerId
    ? sql`
      select ${monthOf(sql`issue_date`)} as month, currency, total_minor as invoiced, 0::bigint as collected
        from invoices
       where ${and([
         sql`organization_id = ${organizationId}`,
         sql`buyer_id = ${filter.buyerId}`,
         sql`status not in ('draft', 'void')`,
         sql`issue_date between ${filter.from}::date and ${filter.to}::date`,
         currency(sql`currency`),
       ])}
      union all
      select ${monthOf(sql`booking_date`)}, currency, 0, amount_minor
        from incoming_payments
       where ${and([
         sql`organization_id = ${organizationId}`,
         sql`buyer_id = ${filter.buyerId}`,
         sql`match_status <> 'reversed'`,
         sql`booking_date between ${filter.from}::date and ${filter.to}::date`,
         currency(sql`currency`),
       ])}`
    : sql`
      select ${monthOf(sql`day`)} as month, currency, invoiced_minor as invoiced, collected_minor as collected
        from dashboard_daily
       where ${and([sql`organization_id = ${organizationId}`, sql`day between ${filter.from}::date and ${filter.to}::date`, currency(sql`currency`)])}`;
  const rows = await executor.execute<{ month: string | null; currency: string; invoiced: string; collected: string }>(sql`
    select month, currency, sum(invoiced)::text as invoiced, sum(collected)::text as collected
      from (${source}) as flows
     group by month, currency
    having sum(invoiced) <> 0 or sum(collected) <> 0`);
  return rows.map((row) => ({ month: row.month, currency: row.currency.trim(), invoicedMinor: BigInt(row.invoiced), collectedMinor: BigInt(row.collected) }));
}

export interface FeeRow {
  readonly month: string;
  readonly type: string;
  readonly currency: string;
  readonly amountMinor: bigint;
}

/** Fees charged and not reversed per month (organization's time zone), type and currency, months from `from`'s to `to`'s. */
export async function feeRows(executor: Executor, organizationId: string | null, filter: { from: string; to: string; currency: string | null }): Promise<FeeRow[]> {
  const rows = await executor.execute<{ month: string; type: string; currency: string; amount: string }>(sql`
    select to_char(month, 'YYYY-MM') as month, type::text as type, currency, sum(amount_minor)::text as amount
      from dashboard_fees
     where ${and([
       organizationId ? sql`organization_id = ${organizationId}` : null,
       sql`month between date_trunc('month', ${filter.from}::date)::date and ${filter.to}::date`,
       filter.currency ? sql`currency = ${filter.currency}` : null,
     ])}
     group by month, type, currency
    having sum(amount_minor) <> 0`);
  return rows.map((row) => ({ month: row.month, type: row.type, currency: row.currency.trim(), amountMinor: BigInt(row.amount) }));
}
