import { isIsoDate } from "../invoices/dates";
import { firstOfMonth, lastDayOfMonth } from "../settlement/calendar-date";

/** The longest window the monthly charts show. */
export const MAX_RANGE_MONTHS = 36;
export const DEFAULT_RANGE_MONTHS = 12;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** `YYYY-MM` of a date. */
export function monthKey(date: string): string {
  if (!isIsoDate(date)) throw new RangeError(`Not a date: ${date}`);
  return date.slice(0, 7);
}

/** The first and last day of a `YYYY-MM` month: the date filter of the list behind one month's bar. */
export function monthBounds(month: string): { from: string; to: string } {
  const from = `${month}-01`;
  if (!isIsoDate(from)) throw new RangeError(`Not a month: ${month}`);
  const [year, number] = month.split("-").map(Number) as [number, number];
  return { from, to: lastDayOfMonth(year, number) };
}

/** Calendar months from the month of `from` to the month of `to`, both counted (same month → 1). */
export function monthsCovered(from: string, to: string): number {
  const [fy, fm] = monthKey(from).split("-").map(Number) as [number, number];
  const [ty, tm] = monthKey(to).split("-").map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm) + 1;
}

export interface DateRange {
  readonly from: string;
  readonly to: string;
  /** Whole months the charts show, ending with the month of `to`. */
  readonly months: number;
}

/**
 * The dashboard's date range from the URL (either end may be empty): `to` defaults to today and never passes it;
 * `from` defaults to the first day of the month eleven months before `to` (twelve months of bars). A range that runs
 * backwards falls back to the default; one longer than MAX_RANGE_MONTHS keeps its end and is cut at the start.
 */
export function dashboardRange(input: { from: string; to: string }, today: string): DateRange {
  if (!isIsoDate(today)) throw new RangeError(`Not a date: ${today}`);
  const to = input.to && isIsoDate(input.to) && input.to < today ? input.to : today;
  const startOf = (months: number) => {
    const { year, month } = firstOfMonth(to, -(months - 1));
    return `${pad(year, 4)}-${pad(month)}-01`;
  };
  let from = input.from && isIsoDate(input.from) && input.from <= to ? input.from : startOf(DEFAULT_RANGE_MONTHS);
  if (monthsCovered(from, to) > MAX_RANGE_MONTHS) from = startOf(MAX_RANGE_MONTHS);
  return { from, to, months: monthsCovered(from, to) };
}
