import { firstOfMonth } from "../settlement/calendar-date";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The `count` calendar months ending with the as-of date's month, oldest first, as `YYYY-MM`. */
export function lastMonths(asOf: string, count = 12): string[] {
  if (!Number.isInteger(count) || count <= 0) throw new RangeError(`A series has a whole positive number of months, got ${count}`);
  return Array.from({ length: count }, (_, i) => {
    const { year, month } = firstOfMonth(asOf, i - (count - 1));
    return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
  });
}

/** One pre-aggregated figure: a month (`YYYY-MM`, in the organization's time zone), a series key, an amount. */
export interface MonthlyRow {
  readonly month: string;
  readonly key: string;
  readonly amountMinor: bigint;
}

export interface MonthlySeries {
  readonly months: readonly string[];
  /** The series present in the window, in key order. */
  readonly keys: readonly string[];
  /** One point per month, oldest first; every key has a value in every month (zero when nothing happened). */
  readonly points: readonly { readonly month: string; readonly amounts: Readonly<Record<string, bigint>> }[];
}

/** Sums rows per month and key over the last `count` months up to the as-of date; rows outside the window are left out. */
export function monthlySeries(rows: readonly MonthlyRow[], asOf: string, count = 12): MonthlySeries {
  const months = lastMonths(asOf, count);
  const window = new Set(months);
  const sums = new Map<string, Map<string, bigint>>();
  for (const row of rows) {
    if (!MONTH.test(row.month)) throw new RangeError(`Not a month: ${row.month}`);
    if (!window.has(row.month)) continue;
    let byKey = sums.get(row.month);
    if (!byKey) sums.set(row.month, (byKey = new Map()));
    byKey.set(row.key, (byKey.get(row.key) ?? 0n) + row.amountMinor);
  }
  const keys = [...new Set([...sums.values()].flatMap((byKey) => [...byKey.keys()]))].sort();
  const points = months.map((month) => ({
    month,
    amounts: Object.fromEntries(keys.map((key) => [key, sums.get(month)?.get(key) ?? 0n])),
  }));
  return { months, keys, points };
}

/** Money collected (or invoiced, for the bars beside it) per month and currency, in each currency's minor units. */
export function seriesByCurrency(rows: readonly { month: string; currency: string; amountMinor: bigint }[], asOf: string, count = 12): MonthlySeries {
  return monthlySeries(rows.map(({ month, currency, amountMinor }) => ({ month, key: currency, amountMinor })), asOf, count);
}

/** Fees per month and fee type, in CNY fen (the caller values each month's fees per currency at today's mid rate). */
export function feesSeries(rows: readonly { month: string; type: string; amountCnyMinor: bigint }[], asOf: string, count = 12): MonthlySeries {
  return monthlySeries(rows.map(({ month, type, amountCnyMinor }) => ({ month, key: type, amountMinor: amountCnyMinor })), asOf, count);
}
