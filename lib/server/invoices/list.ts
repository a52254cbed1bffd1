import { and, eq, gte, ilike, inArray, lte, notInArray, sql, type SQL } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { buyers, invoices } from "@/db/schema";
import { bucketDueDates, bucketOfSlug } from "@/lib/domain/dashboard";
import { displayStatus } from "@/lib/domain/invoices";
import type { InvoiceSearch } from "@/lib/domain/invoices/list-search";
import { afterCursor, decodeCursor, encodeCursor, keysetOrder, type SortKey } from "../lists/keyset";

const UNPAID = ["open", "partially_paid"] as const;

/** Each order as its index has it (invoices_org_list_idx, invoices_org_due_idx, invoices_org_total_idx). */
const SORT_KEYS: Record<InvoiceSearch["sort"], SortKey> = {
  issued: { expression: sql`${invoices.issueDate}`, type: "date" },
  due: { expression: sql`coalesce(${invoices.nextDueDate}, 'infinity'::date)`, type: "date" },
  amount: { expression: sql`${invoices.totalMinor}`, type: "bigint" },
};

function statusCondition(status: InvoiceSearch["status"]): SQL | undefined {
  switch (status) {
    case "":
      return undefined;
    case "overdue":
      return and(eq(invoices.isOverdue, true), inArray(invoices.status, [...UNPAID]));
    case "open":
    case "partially_paid":
      // As displayed: an overdue one is listed under "overdue".
      return and(eq(invoices.status, status), eq(invoices.isOverdue, false));
    case "issued":
      return notInArray(invoices.status, ["draft", "void"]);
    case "unpaid":
      return inArray(invoices.status, [...UNPAID]);
    default:
      return eq(invoices.status, status);
  }
}

/**
 * Owing an instalment whose due date lies in the bucket on the as-of date, as the dashboard's aging counts it: the
 * instalment and its invoice open or partly paid (read through the partial index of owing instalments).
 */
function agingCondition(organizationId: string, slug: string, asOf: string): SQL | undefined {
  const bucket = bucketOfSlug(slug);
  if (!bucket) return undefined;
  const { dueFrom, dueTo, includesNoDueDate } = bucketDueDates(bucket, asOf);
  const range = [dueFrom ? sql`s.due_date >= ${dueFrom}::date` : null, dueTo ? sql`s.due_date <= ${dueTo}::date` : null].filter((part): part is SQL => part !== null);
  const due = includesNoDueDate ? sql`(s.due_date is null or ${sql.join(range, sql` and `)})` : sql.join(range, sql` and `);
  return and(
    inArray(invoices.status, [...UNPAID]),
    sql`exists (select 1 from invoice_instalments s
                 where s.invoice_id = ${invoices.id} and s.organization_id = ${organizationId}
                   and s.status in ('open', 'partially_paid') and ${due})`,
  );
}

function conditions(organizationId: string, search: InvoiceSearch, today: string): SQL | undefined {
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
  if (search.aging) parts.push(agingCondition(organizationId, search.aging, search.asOf || today));
  const cursor = decodeCursor(search.after);
  if (cursor) parts.push(afterCursor(SORT_KEYS[search.sort], sql`${invoices.id}`, search.dir, cursor));
  return and(...parts);
}

const columns = {
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
};

/**
 * One page of the organization's invoices in the chosen order (newest issue date first by default), with the cursor
 * of the next page. `today` (the organization's date) is the aging filter's as-of date when the URL gives none.
 */
export async function listInvoices(organizationId: string, search: InvoiceSearch, limit = 50, executor: Executor = db(), today = new Date().toISOString().slice(0, 10)) {
  const key = SORT_KEYS[search.sort];
  const rows = await executor
    .select({ ...columns, sortValue: sql<string>`${key.expression}::text` })
    .from(invoices)
    .innerJoin(buyers, eq(buyers.id, invoices.buyerId))
    .where(conditions(organizationId, search, today))
    .orderBy(keysetOrder(key, sql`${invoices.id}`, search.dir))
    .limit(limit + 1);
  const page = rows.slice(0, limit).map(({ sortValue: _sortValue, ...row }) => ({ ...row, displayStatus: displayStatus(row.status, row.isOverdue) }));
  const last = rows[limit - 1];
  return { rows: page, nextCursor: rows.length > limit && last ? encodeCursor(last.sortValue, last.id) : null };
}
export type InvoiceListRow = Awaited<ReturnType<typeof listInvoices>>["rows"][number];
