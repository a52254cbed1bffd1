import { z } from "zod";

/** A period of statistics as it travels in the URL, as calendar dates; empty means the default period. */
export const periodSearchSchema = z.object({
  from: z.iso.date().or(z.literal("")).default(""),
  to: z.iso.date().or(z.literal("")).default(""),
});
export type PeriodSearch = z.output<typeof periodSearchSchema>;

const DAY_MS = 86_400_000;
/** The statistics show the last year unless the URL says otherwise. */
export const DEFAULT_PERIOD_DAYS = 365;

/** The period as instants: `from` at the start of its day, `to` at the end of its day (UTC); defaults end now. */
export function periodOf(search: PeriodSearch, now: Date): { from: Date; to: Date } {
  const to = search.to ? new Date(Date.parse(`${search.to}T00:00:00Z`) + DAY_MS) : now;
  const from = search.from ? new Date(`${search.from}T00:00:00Z`) : new Date(to.getTime() - DEFAULT_PERIOD_DAYS * DAY_MS);
  return from < to ? { from, to } : { from: to, to: from };
}
