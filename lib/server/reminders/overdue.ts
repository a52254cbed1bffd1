import { and, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { invoices, organizations } from "@/db/schema";
import { localDateOf } from "@/lib/domain/time/local-day";
import { recomputeInvoice } from "../collections/allocations";

/** Issued, unpaid invoices: the only ones whose overdue flags move with the calendar. */
const UNPAID_STATUSES = ["open", "partially_paid"] as const;

/** Organizations with unpaid invoices and the date it is there at `now`. */
export async function organizationsWithOpenInvoices(now: Date): Promise<{ id: string; name: string; today: string }[]> {
  const rows = await db()
    .selectDistinct({ id: organizations.id, name: organizations.name, timezone: organizations.timezone })
    .from(organizations)
    .innerJoin(invoices, eq(invoices.organizationId, organizations.id))
    .where(inArray(invoices.status, [...UNPAID_STATUSES]));
  return rows.map((row) => ({ id: row.id, name: row.name, today: localDateOf(now, row.timezone) }));
}

/**
 * Invoices of one organization whose overdue flags or next due date no longer fit `today`: an unpaid instalment is
 * overdue from the day after its due date in the organization's time zone.
 */
async function staleInvoiceIds(organizationId: string, today: string): Promise<string[]> {
  const rows = await db().execute<{ id: string }>(sql`
    select i.id from invoices i
    where i.organization_id = ${organizationId} and i.status in ('open', 'partially_paid')
      and (
        exists (
          select 1 from invoice_instalments s
          where s.invoice_id = i.id
            and s.is_overdue <> (s.status in ('open', 'partially_paid') and s.due_date is not null and s.due_date < ${today}::date)
        )
        or i.is_overdue <> exists (
          select 1 from invoice_instalments s
          where s.invoice_id = i.id and s.status in ('open', 'partially_paid') and s.due_date < ${today}::date
        )
        or i.next_due_date is distinct from (
          select min(s.due_date) from invoice_instalments s where s.invoice_id = i.id and s.status in ('open', 'partially_paid')
        )
      )`);
  return rows.map((row) => row.id);
}

/**
 * Brings overdue flags and next due dates up to date for every organization's today. An invoice that fails is
 * logged and reported in `failed` while the others go on.
 */
export async function markOverdue(now: Date): Promise<{ changed: number; failed: string[] }> {
  let changed = 0;
  const failed: string[] = [];
  for (const organization of await organizationsWithOpenInvoices(now)) {
    for (const invoiceId of await staleInvoiceIds(organization.id, organization.today)) {
      try {
        await db().transaction(async (tx) => {
          // The same lock allocations take, so a payment being applied is never overwritten with older figures.
          const [locked] = await tx
            .select({ id: invoices.id })
            .from(invoices)
            .where(and(eq(invoices.id, invoiceId), inArray(invoices.status, [...UNPAID_STATUSES])))
            .for("update");
          if (!locked) return;
          await recomputeInvoice(tx, invoiceId, organization.today);
          changed++;
        });
      } catch (error) {
        console.error(`overdue flags of invoice ${invoiceId} could not be updated`, error);
        failed.push(`invoice ${invoiceId}`);
      }
    }
  }
  return { changed, failed };
}
