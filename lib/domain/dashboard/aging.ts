import { addDays, daysBetween } from "../invoices/dates";
import { cnyValue } from "./cny";

export const AGING_BUCKETS = ["current", "1_30", "31_60", "61_90", "over_90"] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

/** What an instalment still owes; rows may also be pre-summed per currency and due date. */
export interface AgingRow {
  readonly currency: string;
  readonly outstandingMinor: bigint;
  /** YYYY-MM-DD, or null while the due date waits on the B/L date. */
  readonly dueDate: string | null;
}

/**
 * Whole days past due on the as-of date (the organization's calendar date): due yesterday is 1. Not yet due, due
 * today, or no due date yet is 0 — the same rule as an invoice's overdue flag, which starts the day after the due date.
 */
export function daysPastDue(dueDate: string | null, asOf: string): number {
  if (dueDate === null) return 0;
  return Math.max(0, daysBetween(dueDate, asOf));
}

/** 0 → current, 1–30, 31–60, 61–90, 91 and more → over 90. */
export function agingBucket(days: number): AgingBucket {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`Days past due must be a whole number ≥ 0, got ${days}`);
  if (days === 0) return "current";
  if (days <= 30) return "1_30";
  if (days <= 60) return "31_60";
  if (days <= 90) return "61_90";
  return "over_90";
}

/**
 * The due dates one bucket holds on the as-of date, both ends inclusive, for the filtered list behind a bar. A null
 * end is open; `includesNoDueDate` says whether instalments without a due date belong (only to current).
 */
export function bucketDueDates(bucket: AgingBucket, asOf: string): { dueFrom: string | null; dueTo: string | null; includesNoDueDate: boolean } {
  const daysAgo = (days: number) => addDays(asOf, -days);
  switch (bucket) {
    case "current":
      return { dueFrom: asOf, dueTo: null, includesNoDueDate: true };
    case "1_30":
      return { dueFrom: daysAgo(30), dueTo: daysAgo(1), includesNoDueDate: false };
    case "31_60":
      return { dueFrom: daysAgo(60), dueTo: daysAgo(31), includesNoDueDate: false };
    case "61_90":
      return { dueFrom: daysAgo(90), dueTo: daysAgo(61), includesNoDueDate: false };
    case "over_90":
      return { dueFrom: null, dueTo: daysAgo(91), includesNoDueDate: false };
  }
}

export interface AgingAmount {
  readonly currency: string;
  readonly amountMinor: bigint;
  /** CNY fen at the given mid rate, half-even; null without a rate for the currency. */
  readonly cnyMinor: bigint | null;
}

export interface AgingBucketTotal {
  readonly bucket: AgingBucket;
  /** Currencies in code order; only those with an amount in this bucket. */
  readonly byCurrency: readonly AgingAmount[];
  /** Sum of the priced currencies' CNY equivalents. */
  readonly cnyMinor: bigint;
}

export interface Aging {
  /** All five buckets, in order, even when empty. */
  readonly buckets: readonly AgingBucketTotal[];
  /** Every currency owed, in code order: the chart's stacks. */
  readonly currencies: readonly string[];
  /** Everything past due (every bucket but current), CNY equivalent of the priced currencies. */
  readonly overdueCnyMinor: bigint;
  readonly openCnyMinor: bigint;
  /** Currencies owed without a rate, so left out of the CNY figures. */
  readonly unpriced: readonly string[];
}

/** Open receivables by bucket and currency as of a date; `midToCny` holds each currency's CNY mid rate (CNY itself needs none). */
export function agingByCurrency(rows: readonly AgingRow[], asOf: string, midToCny: ReadonlyMap<string, string> = new Map()): Aging {
  const sums = new Map<AgingBucket, Map<string, bigint>>(AGING_BUCKETS.map((bucket) => [bucket, new Map()]));
  for (const row of rows) {
    if (row.outstandingMinor === 0n) continue;
    const byCurrency = sums.get(agingBucket(daysPastDue(row.dueDate, asOf)))!;
    byCurrency.set(row.currency, (byCurrency.get(row.currency) ?? 0n) + row.outstandingMinor);
  }
  const currencies = new Set<string>();
  const unpriced = new Set<string>();
  let overdueCnyMinor = 0n;
  let openCnyMinor = 0n;
  const buckets = AGING_BUCKETS.map((bucket) => {
    let cnyMinor = 0n;
    const byCurrency = [...sums.get(bucket)!.entries()]
      .filter(([, amountMinor]) => amountMinor !== 0n)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([currency, amountMinor]) => {
        currencies.add(currency);
        const converted = cnyValue(currency, amountMinor, midToCny);
        if (converted === null) unpriced.add(currency);
        else cnyMinor += converted;
        return { currency, amountMinor, cnyMinor: converted };
      });
    openCnyMinor += cnyMinor;
    if (bucket !== "current") overdueCnyMinor += cnyMinor;
    return { bucket, byCurrency, cnyMinor };
  });
  return { buckets, currencies: [...currencies].sort(), overdueCnyMinor, openCnyMinor, unpriced: [...unpriced].sort() };
}

/** A bucket as it is written in a list's URL (`?aging=31-60`). */
export function agingSlug(bucket: AgingBucket): string {
  return bucket.replace("_", "-");
}

export const AGING_SLUGS = AGING_BUCKETS.map(agingSlug);

export function bucketOfSlug(slug: string): AgingBucket | null {
  return AGING_BUCKETS.find((bucket) => agingSlug(bucket) === slug) ?? null;
}
