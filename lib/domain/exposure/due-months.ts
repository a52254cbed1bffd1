
/** Where an instalment falls by due date: past due, a calendar month (`YYYY-MM`), or no date yet (waiting on the B/L). */
export type DueBucketKey = "overdue" | "no_date" | `${number}-${number}`;

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
