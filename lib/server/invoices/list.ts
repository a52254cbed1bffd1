import { and, desc, eq, gte, ilike, lt, lte, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import { db, type Executor } from "@/db/client";
import { buyers, invoices } from "@/db/schema";
import { displayStatus, isInvoiceCurrency } from "@/lib/domain/invoices";

export const INVOICE_STATUS_FILTERS = ["draft", "open", "partially_paid", "overdue", "paid", "void"] as const;

/** The list's filter as it travels in the URL: every field a string, empty meaning "any". */
export const invoiceSearchSchema = z.object({
  status: z.enum(INVOICE_STATUS_FILTERS).or(z.literal("")).default(""),
  buyer: z.uuid().or(z.literal("")).default(""),
  currency: z.string().trim().toUpperCase().default("").refine((c) => c === "" || isInvoiceCurrency(c)),
  from: z.iso.date().or(z.literal("")).default(""),
  to: z.iso.date().or(z.literal("")).default(""),
  q: z.string().trim().max(40).default(""),
  /** Keyset cursor: "<issue date>_<id>" of the last row shown. */
  after: z.string().max(60).regex(/^\d{4}-\d{2}-\d{2}_[0-9a-f-]{36}$/).or(z.literal("")).default(""),
});
export type InvoiceSearch = z.output<typeof invoiceSearchSchema>;

const UNPAID = ["open", "partially_paid"] as const;

function statusCondition(status: InvoiceSearch["status"]): SQL | undefined {
  switch (status) {
    case "":
      return undefined;
    case "overdue":
      return and(eq(invoices.isOverdue, true), or(...UNPAID.map((s) => eq(invoices.status, s))));
    case "open":
    case "partially_paid":
      // As displayed: an overdue one is listed under "overdue".
      return and(eq(invoices.status, status), eq(invoices.isOverdue, false));
    default:
      return eq(invoices.status, status);
  }
}

function conditions(organizationId: string, search: InvoiceSearch): SQL | undefined {
  const parts: (SQL | undefined)[] = [eq(invoices.organizationId, organizationId), statusCondition(search.status)];
  if (search.buyer) parts.push(eq(invoices.buyerId, search.buyer));
  if (search.currency) parts.push(eq(invoices.currency, search.currency));
  if (search.from) parts.push(gte(invoices.issueDate, search.from));
  if (search.to) parts.push(lte(invoices.issueDate, search.to));
  if (search.q) {
    // Tolerant of case, spaces and dashes: "inv 2026 7" finds INV-2026-0007 only by its digits' order.
    const pattern = search.q.toUpperCase().replace(/[^0-9A-Z]+/g, "%");
    parts.push(ilike(invoices.number, `%${pattern}%`));
  }
  if (search.after) {
    const [date, id] = search.after.split("_") as [string, string];
    parts.push(or(lt(invoices.issueDate, date), and(eq(invoices.issueDate, date), lt(invoices.id, id))));
  }
  return and(...parts);
}

/** One page of the organization's invoices, newest issue date first, with the cursor of the next page. */
export async function listInvoices(organizationId: string, search: InvoiceSearch, limit = 50, executor: Executor = db()) {
  const rows = await executor
    .select({
      id: invoices.id,
      number: invoices.number,
      status: invoices.status,
      isOverdue: invoices.isOverdue,
      currency: invoices.currency,
      issueDate: invoices.issueDate,
      nextDueDate: invoices.nextDueDate,
      totalMinor: invoices.totalMinor,
      paidMinor: invoices.paidMinor,
      buyerId: invoices.buyerId,
      buyerName: buyers.name,
    })
    .from(invoices)
    .innerJoin(buyers, eq(buyers.id, invoices.buyerId))
    .where(conditions(organizationId, search))
    .orderBy(desc(invoices.issueDate), desc(invoices.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit).map((row) => ({ ...row, displayStatus: displayStatus(row.status, row.isOverdue) }));
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > limit && last ? `${last.issueDate}_${last.id}` : null };
}
export type InvoiceListRow = Awaited<ReturnType<typeof listInvoices>>["rows"][number];
