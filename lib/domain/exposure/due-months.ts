import { zonedDateTime } from "../time/zoned-time";

/** Where an instalment falls by due date: past due, a calendar month (`YYYY-MM`), or no date yet (waiting on the B/L). */
export type DueBucketKey = "overdue" | "no_date" | `${number}-${number}`;

/** The calendar date (`YYYY-MM-DD`) an instant falls on in a time zone: "today" for the organization. */
export function localIsoDate(instant: Date, timeZone: string): string {
  const { year, month, day } = zonedDateTime(instant, timeZone);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Due before `today` is overdue; due today or later goes to its month; no due date yet is `no_date`. */
export function dueBucket(dueDate: string | null, today: string): DueBucketKey {
  if (dueDate === null) return "no_date";
  if (dueDate < today) return "overdue";
  return dueDate.slice(0, 7) as DueBucketKey;
}

/** Overdue first, then months in calendar order, then instalments with no date. */
export function compareBuckets(a: DueBucketKey, b: DueBucketKey): number {
  const rank = (key: DueBucketKey) => (key === "overdue" ? 0 : key === "no_date" ? 2 : 1);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}
