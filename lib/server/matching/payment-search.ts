import { z } from "zod";
import { isCurrencyCode } from "@/lib/domain/money";

export const PAYMENT_STATUSES = ["unmatched", "partially_matched", "matched", "reversed"] as const;
export const PAYMENT_TABS = ["queue", "all"] as const;

/** The payments list's filter as it travels in the URL: every field a string, empty meaning "any". */
export const paymentSearchSchema = z.object({
  tab: z.enum(PAYMENT_TABS).default("queue"),
  status: z.enum(["", ...PAYMENT_STATUSES]).default(""),
  currency: z.string().trim().toUpperCase().max(3).default("").refine((c) => c === "" || isCurrencyCode(c), "validation.choice"),
  from: z.iso.date().or(z.literal("")).default(""),
  to: z.iso.date().or(z.literal("")).default(""),
  q: z.string().trim().max(100).default(""),
  /** Keyset cursor: the last row's booking date and id. */
  after: z.string().regex(/^\d{4}-\d{2}-\d{2}_[0-9a-f-]{36}$/).or(z.literal("")).default(""),
});
export type PaymentSearch = z.output<typeof paymentSearchSchema>;
