import { sql } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { quotientInTenths } from "@/lib/domain/dashboard";
import { DISPUTE_TIERS } from "@/lib/domain/disputes/categories";
import { DISPUTE_STATUSES, isUndecided } from "@/lib/domain/disputes/status";
import { addDays } from "@/lib/domain/invoices/dates";

export const VOLUME_DAYS = 30;
export const DECIDED_DISPUTE_DAYS = 90;
/** A KYB review should take 1–2 business days; waiting longer than this is shown apart. */
const REVIEW_TARGET_HOURS = 48;

const text = (value: unknown) => String(value).trim();
const UNDECIDED = sql.join(DISPUTE_STATUSES.filter(isUndecided).map((status) => sql`${status}`), sql`, `);

/**
 * The platform dashboard for staff, on the platform's date `today` (China time): money collected (dashboard_daily) and
 * paid out per currency over the last 30 days, organizations per KYB status, the review queue's age, disputes per tier
 * with the share decided within their service levels (no deadline missed), and fee revenue per currency this month
 * (dashboard_fees) and in all (the platform's fee_revenue ledger accounts).
 */
export async function platformDashboard(today: string, options: { now?: Date; executor?: Executor } = {}) {
  const executor = options.executor ?? db();
  const now = options.now ?? new Date();
  const since = addDays(today, -(VOLUME_DAYS - 1));
  const decidedSince = new Date(now.getTime() - DECIDED_DISPUTE_DAYS * 86_400_000);
  const [collected, paidOut, kyb, queue, disputes, feesThisMonth, feeAccounts] = await Promise.all([
    executor.execute<{ currency: string; amount: string; payments: number }>(sql`
      select currency, sum(collected_minor)::text as amount, sum(payments)::int as payments
        from dashboard_daily where day between ${since}::date and ${today}::date
       group by currency having sum(collected_minor) <> 0`),
    executor.execute<{ currency: string; amount: string; payouts: number }>(sql`
      select currency, sum(net_minor)::text as amount, count(*)::int as payouts
        from payouts where status = 'paid' and paid_at >= ${new Date(now.getTime() - VOLUME_DAYS * 86_400_000).toISOString()}::timestamptz
       group by currency`),
    executor.execute<{ status: string; organizations: number }>(sql`
      select coalesce(k.status::text, 'none') as status, count(*)::int as organizations
        from organizations o left join kyb_applications k on k.organization_id = o.id
       group by 1`),
    executor.execute<{ waiting: number; oldest_hours: string | null; median_hours: string | null; over_target: number }>(sql`
      select count(*)::int as waiting,
             floor(max(extract(epoch from (${now.toISOString()}::timestamptz - submitted_at))) / 3600)::text as oldest_hours,
             floor(percentile_cont(0.5) within group (order by extract(epoch from (${now.toISOString()}::timestamptz - submitted_at))) / 3600)::text as median_hours,
             (count(*) filter (where submitted_at < ${new Date(now.getTime() - REVIEW_TARGET_HOURS * 3_600_000).toISOString()}::timestamptz))::int as over_target
        from kyb_applications where status in ('submitted', 'in_review')`),
    executor.execute<{ tier: string; undecided: number; decided: number; on_time: number; breaches: number }>(sql`
      select tier::text as tier,
             (count(*) filter (where status::text in (${UNDECIDED})))::int as undecided,
             (count(*) filter (where decided_at >= ${decidedSince.toISOString()}::timestamptz))::int as decided,
             (count(*) filter (where decided_at >= ${decidedSince.toISOString()}::timestamptz and breach_count = 0))::int as on_time,
             coalesce(sum(breach_count) filter (where decided_at >= ${decidedSince.toISOString()}::timestamptz), 0)::int as breaches
        from disputes group by tier`),
    executor.execute<{ currency: string; amount: string }>(sql`
      select currency, sum(amount_minor)::text as amount from dashboard_fees
       where month = date_trunc('month', ${today}::date)::date group by currency having sum(amount_minor) <> 0`),
    executor.execute<{ currency: string; amount: string }>(sql`
      select currency, balance_minor::text as amount from ledger_accounts where organization_id is null and kind = 'fee_revenue'`),
  ]);

  const volumes = new Map<string, { collectedMinor: bigint; payments: number; paidOutMinor: bigint; payouts: number }>();
  const volume = (currency: string) => {
    const code = text(currency);
    if (!volumes.has(code)) volumes.set(code, { collectedMinor: 0n, payments: 0, paidOutMinor: 0n, payouts: 0 });
    return volumes.get(code)!;
  };
  for (const row of collected) Object.assign(volume(row.currency), { collectedMinor: BigInt(row.amount), payments: row.payments });
  for (const row of paidOut) Object.assign(volume(row.currency), { paidOutMinor: BigInt(row.amount), payouts: row.payouts });

  const fees = new Map<string, { thisMonthMinor: bigint; totalMinor: bigint }>();
  const fee = (currency: string) => {
    const code = text(currency);
    if (!fees.has(code)) fees.set(code, { thisMonthMinor: 0n, totalMinor: 0n });
    return fees.get(code)!;
  };
  for (const row of feesThisMonth) fee(row.currency).thisMonthMinor = BigInt(row.amount);
  for (const row of feeAccounts) fee(row.currency).totalMinor = BigInt(row.amount);

  const byTier = new Map(disputes.map((row) => [row.tier, row]));
  const [waiting] = queue;
  return {
    today,
    volumes: [...volumes.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([currency, figures]) => ({ currency, ...figures })),
    kyb: kyb.map((row) => ({ status: row.status, organizations: row.organizations })).sort((a, b) => b.organizations - a.organizations || (a.status < b.status ? -1 : 1)),
    queue: {
      waiting: waiting?.waiting ?? 0,
      oldestHours: waiting?.oldest_hours == null ? null : Number(waiting.oldest_hours),
      medianHours: waiting?.median_hours == null ? null : Number(waiting.median_hours),
      overTarget: waiting?.over_target ?? 0,
    },
    disputes: DISPUTE_TIERS.map((tier) => {
      const row = byTier.get(tier);
      const decided = row?.decided ?? 0;
      return {
        tier,
        undecided: row?.undecided ?? 0,
        decided,
        onTime: row?.on_time ?? 0,
        breaches: row?.breaches ?? 0,
        /** Percent with one decimal, or null with nothing decided in the period. */
        hitRatePercent: decided === 0 ? null : quotientInTenths(BigInt(row?.on_time ?? 0) * 100n, BigInt(decided)),
      };
    }),
    fees: [...fees.entries()]
      .filter(([, figures]) => figures.thisMonthMinor !== 0n || figures.totalMinor !== 0n)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([currency, figures]) => ({ currency, ...figures })),
  };
}

export type PlatformDashboard = Awaited<ReturnType<typeof platformDashboard>>;
