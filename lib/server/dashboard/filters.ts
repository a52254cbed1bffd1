import { z } from "zod";
import { dashboardRange, type DateRange } from "@/lib/domain/dashboard";
import { isCurrencyCode } from "@/lib/domain/money";

/** The dashboard's filter as it travels in the URL (nuqs keeps it there): every field a string, empty meaning "any". */
export const dashboardSearchSchema = z.object({
  from: z.iso.date().or(z.literal("")).default(""),
  to: z.iso.date().or(z.literal("")).default(""),
  currency: z.string().trim().toUpperCase().max(3).default("").refine((c) => c === "" || isCurrencyCode(c), "validation.choice"),
  buyer: z.uuid().or(z.literal("")).default(""),
});
export type DashboardSearch = z.output<typeof dashboardSearchSchema>;

/** What every dashboard query takes: the date range of the monthly figures, and optionally one currency and one buyer. */
export interface DashboardFilters {
  readonly range: DateRange;
  readonly currency: string | null;
  readonly buyerId: string | null;
}

/** The URL's filter on the organization's `today`: the date range resolved (defaults, clamped), empties as "any". */
export function dashboardFilters(search: DashboardSearch, today: string): DashboardFilters {
  return { range: dashboardRange(search, today), currency: search.currency || null, buyerId: search.buyer || null };
}
