import { agingSlug, monthBounds, type AgingBucket, type DateRange } from "@/lib/domain/dashboard";
import { searchString } from "@/lib/domain/lists/search-params";

/** The lists behind the dashboard's bars, filtered as the bar counts (and by the dashboard's currency and buyer). */
export interface LinkScope {
  readonly org: string;
  readonly currency: string | null;
  readonly buyerId: string | null;
}

const common = (scope: LinkScope) => ({ currency: scope.currency ?? "", buyer: scope.buyerId ?? "" });

/** Invoices owing an instalment in the bucket today, the soonest due first. */
export function agingHref(scope: LinkScope, bucket: AgingBucket): string {
  return `/o/${scope.org}/invoices${searchString({ aging: agingSlug(bucket), ...common(scope), sort: "due", dir: "asc" })}`;
}

/** The month's days that the dashboard's range covers (the first and last months may be cut). */
function monthWithin(month: string, range: DateRange): { from: string; to: string } {
  const { from, to } = monthBounds(month);
  return { from: from < range.from ? range.from : from, to: to > range.to ? range.to : to };
}

/** Payments booked in the month in one currency. */
export function monthPaymentsHref(scope: LinkScope, range: DateRange, month: string, currency: string): string {
  return `/o/${scope.org}/payments${searchString({ tab: "all", ...common(scope), currency, ...monthWithin(month, range) })}`;
}

/** Invoices issued (not void) in the month in one currency. */
export function monthInvoicesHref(scope: LinkScope, range: DateRange, month: string, currency: string): string {
  return `/o/${scope.org}/invoices${searchString({ status: "issued", ...common(scope), currency, ...monthWithin(month, range) })}`;
}

/** A buyer's unpaid invoices, the soonest due first. */
export function buyerInvoicesHref(scope: LinkScope, buyerId: string): string {
  return `/o/${scope.org}/invoices${searchString({ status: "unpaid", ...common(scope), buyer: buyerId, sort: "due", dir: "asc" })}`;
}
