import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { type AgingBucket, bucketDueDates, type BuyerLateness } from "@/lib/domain/dashboard";

/*
 * Reads of the pre-aggregated tables (db/schema/dashboard.ts): each sums the delta rows of its keys, so it costs the
 * number of distinct keys (days × currencies, due dates × buyers …), never the number of invoices or payments.
 */

export interface ReceivableClass {
  readonly currency: string;
  /** The class's earliest due date (null: waiting on the B/L date): in the same aging bucket and due month as all of it. */
  readonly dueDate: string | null;
  readonly outstandingMinor: bigint;
}

export interface BuyerReceivable {
  readonly buyerId: string;
  readonly currency: string;
  readonly outstandingMinor: bigint;
  /** Open instalments past due on the as-of date, and the days past due they add up to. */
  readonly pastDue: { readonly instalments: number; readonly lateDays: number };
}

export interface ReceivableSummary {
  /** Per currency and due class: no due date yet, each month from the as-of date on, each past-due aging bucket. */
  readonly byDueClass: readonly ReceivableClass[];
  /** Per buyer and currency, the buyers owing something. */
  readonly byBuyer: readonly BuyerReceivable[];
}

const and = (parts: (SQL | null)[]) => sql.join(parts.filter((part): part is SQL => part !== null), sql` and `);

/**
 * What open invoices owe as of a date, summed in the database into a few hundred rows whatever the history: by
 * currency and due class (enough for the aging buckets and the exposure's due months) and by buyer, as two
 * statements that may run side by side. The past-due classes are the aging buckets' own due-date ranges
 * (bucketDueDates), so the two never disagree on a boundary.
 */
export async function receivableSummary(
  executor: Executor,
  organizationId: string,
  filters: { currency: string | null; buyerId: string | null },
  asOf: string,
): Promise<ReceivableSummary> {
  const from = (bucket: AgingBucket) => bucketDueDates(bucket, asOf).dueFrom!;
  const owed = and([
    sql`organization_id = ${organizationId}`,
    filters.currency ? sql`currency = ${filters.currency}` : null,
    filters.buyerId ? sql`buyer_id = ${filters.buyerId}` : null,
  ]);
  const [classes, buyers] = await Promise.all([
    executor.execute<{ currency: string; due_date: string | null; outstanding: string }>(sql`
      select currency, min(due_date)::text as due_date, sum(outstanding_minor)::text as outstanding
        from dashboard_receivables
       where ${owed}
       group by currency,
                case when due_date is null then 0
                     when due_date >= ${asOf}::date then 100 + extract(year from due_date) * 12 + extract(month from due_date)
                     when due_date >= ${from("1_30")}::date then 1
                     when due_date >= ${from("31_60")}::date then 2
                     when due_date >= ${from("61_90")}::date then 3
                     else 4 end
      having sum(outstanding_minor) <> 0`),
    executor.execute<{ buyer_id: string; currency: string; outstanding: string; late_days: string; late_instalments: number }>(sql`
      select buyer_id, currency, sum(outstanding_minor)::text as outstanding,
             coalesce(sum((${asOf}::date - due_date) * instalments) filter (where due_date < ${asOf}::date), 0)::text as late_days,
             coalesce(sum(instalments) filter (where due_date < ${asOf}::date), 0)::int as late_instalments
        from dashboard_receivables
       where ${owed}
       group by buyer_id, currency
      having sum(outstanding_minor) <> 0`),
  ]);
  return {
    byDueClass: classes.map((row) => ({ currency: row.currency.trim(), dueDate: row.due_date, outstandingMinor: BigInt(row.outstanding) })),
    byBuyer: buyers.map((row) => ({
      buyerId: row.buyer_id,
      currency: row.currency.trim(),
      outstandingMinor: BigInt(row.outstanding),
      pastDue: { instalments: row.late_instalments, lateDays: Number(row.late_days) },
    })),
  };
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
