import { z } from "zod";
import { AGING_SLUGS } from "../dashboard/aging";
import { cursorSchema, SORT_DIRECTIONS } from "../lists/cursor";
import { isInvoiceCurrency } from "./reference-data";

/** `issued`: every issued invoice not void (the dashboard's "invoiced"); `unpaid`: open or partly paid, overdue or not. */
export const INVOICE_STATUS_FILTERS = ["draft", "open", "partially_paid", "overdue", "paid", "void", "issued", "unpaid"] as const;
export const INVOICE_SORTS = ["issued", "due", "amount"] as const;

/** The list's filter as it travels in the URL: every field a string, empty meaning "any". */
export const invoiceSearchSchema = z.object({
  status: z.enum(INVOICE_STATUS_FILTERS).or(z.literal("")).default(""),
  buyer: z.uuid().or(z.literal("")).default(""),
  currency: z.string().trim().toUpperCase().default("").refine((c) => c === "" || isInvoiceCurrency(c)),
  from: z.iso.date().or(z.literal("")).default(""),
  to: z.iso.date().or(z.literal("")).default(""),
  q: z.string().trim().max(40).default(""),
  /** Invoices owing an instalment in one aging bucket (`31-60` …) as of `asOf` (today when empty). */
  aging: z.enum(AGING_SLUGS as [string, ...string[]]).or(z.literal("")).default(""),
  asOf: z.iso.date().or(z.literal("")).default(""),
  sort: z.enum(INVOICE_SORTS).default("issued"),
  dir: z.enum(SORT_DIRECTIONS).default("desc"),
  /** Keyset cursor of the last row shown (lib/server/lists/keyset.ts). */
  after: cursorSchema,
});
export type InvoiceSearch = z.output<typeof invoiceSearchSchema>;
