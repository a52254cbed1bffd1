import { daysBetween } from "./dates";

export type InvoiceStatus = "draft" | "open" | "partially_paid" | "paid" | "void";
export type DisplayStatus = InvoiceStatus | "overdue";

/** What the lists show: an unpaid invoice the daily job marked overdue reads "overdue". */
export function displayStatus(status: InvoiceStatus, isOverdue: boolean): DisplayStatus {
  return isOverdue && (status === "open" || status === "partially_paid") ? "overdue" : status;
}

/** The nearest due date among unpaid instalments, or null (nothing due, or only dates waiting on the B/L). */
export function nextDueDate(instalments: readonly { status: string; dueDate: string | null }[]): string | null {
  const dates = instalments
    .filter((i) => (i.status === "open" || i.status === "partially_paid") && i.dueDate !== null)
    .map((i) => i.dueDate!)
    .sort();
  return dates[0] ?? null;
}

/** Mean over paid instalments of max(0, paid date − due date) in days; null when none was paid with a due date. */
export function averageDaysLate(paid: readonly { dueDate: string | null; paidDate: string }[]): number | null {
  const late = paid.filter((p) => p.dueDate !== null).map((p) => Math.max(0, daysBetween(p.dueDate!, p.paidDate)));
  if (late.length === 0) return null;
  return late.reduce((acc, days) => acc + days, 0) / late.length;
}
