import { z } from "zod";
import { isCurrencyCode } from "../money";
import { cursorSchema, SORT_DIRECTIONS } from "../lists/cursor";

export const PAYMENT_STATUSES = ["unmatched", "partially_matched", "matched", "reversed"] as const;
export const PAYMENT_TABS = ["queue", "all"] as const;
export const PAYMENT_SORTS = ["booked", "amount"] as const;

/** The payments list's filter as it travels in the URL: every field a string, empty meaning "any". */
export const paymentSearchSchema = z.object({
  tab: z.enum(PAYMENT_TABS).default("queue"),
  status: z.enum(["", ...PAYMENT_STATUSES]).default(""),
  currency: z.string().trim().toUpperCase().max(3).default("").refine((c) => c === "" || isCurrencyCode(c), "validation.choice"),
  buyer: z.uuid().or(z.literal("")).default(""),
  from: z.iso.date().or(z.literal("")).default(""),
  to: z.iso.date().or(z.literal("")).default(""),
  q: z.string().trim().max(100).default(""),
  sort: z.enum(PAYMENT_SORTS).default("booked"),
  dir: z.enum(SORT_DIRECTIONS).default("desc"),
  /** Keyset cursor of the last row shown (lib/server/lists/keyset.ts). */
  after: cursorSchema,
});
export type PaymentSearch = z.output<typeof paymentSearchSchema>;
