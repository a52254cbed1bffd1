import { z } from "zod";
import { cursorSchema, SORT_DIRECTIONS } from "../lists/cursor";
import { PAYOUT_STATUSES } from "../settlement/payout";

export const PAYOUT_SORTS = ["requested", "amount"] as const;

/** The payout list's filter as it travels in the URL: every field a string, empty meaning "any". */
export const payoutSearchSchema = z.object({
  status: z.enum(PAYOUT_STATUSES).or(z.literal("")).default(""),
  currency: z.string().trim().toUpperCase().regex(/^([A-Z]{3})?$/).default(""),
  /** Requested on or after `from`, on or before `to` (calendar days in the organization's time zone). */
  from: z.iso.date().or(z.literal("")).default(""),
  to: z.iso.date().or(z.literal("")).default(""),
  sort: z.enum(PAYOUT_SORTS).default("requested"),
  dir: z.enum(SORT_DIRECTIONS).default("desc"),
  after: cursorSchema,
});
export type PayoutSearch = z.output<typeof payoutSearchSchema>;
