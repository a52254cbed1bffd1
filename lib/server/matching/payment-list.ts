import { and, eq, gte, ilike, lte, or, sql, type SQL } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { buyers, incomingPayments } from "@/db/schema";
import type { PaymentSearch } from "@/lib/domain/payments/list-search";
import { afterCursor, decodeCursor, encodeCursor, keysetOrder, type SortKey } from "../lists/keyset";

const PAGE = 50;

/** Each order as its index has it (incoming_payments_org_idx or, for the queue, incoming_payments_queue_idx; incoming_payments_org_amount_idx). */
const SORT_KEYS: Record<PaymentSearch["sort"], SortKey> = {
  booked: { expression: sql`${incomingPayments.bookingDate}`, type: "date" },
  amount: { expression: sql`${incomingPayments.amountMinor}`, type: "bigint" },
};

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

function conditions(organizationId: string, search: PaymentSearch): SQL | undefined {
  const where: (SQL | undefined)[] = [eq(incomingPayments.organizationId, organizationId)];
  // Literals, not parameters, so that every plan may read the queue's partial index (incoming_payments_queue_idx).
  if (search.tab === "queue") where.push(sql`${incomingPayments.source} <> 'card' and ${incomingPayments.unappliedMinor} > 0`);
  if (search.status) where.push(eq(incomingPayments.matchStatus, search.status));
  if (search.currency) where.push(eq(incomingPayments.currency, search.currency));
  if (search.buyer) where.push(eq(incomingPayments.buyerId, search.buyer));
  if (search.from) where.push(gte(incomingPayments.bookingDate, search.from));
  if (search.to) where.push(lte(incomingPayments.bookingDate, search.to));
  if (search.q) {
    const pattern = `%${escapeLike(search.q)}%`;
    where.push(
      or(
        ilike(incomingPayments.payerName, pattern),
        ilike(incomingPayments.reference, pattern),
        ilike(incomingPayments.remittanceText, pattern),
        ilike(incomingPayments.bankRef, pattern),
      ),
    );
  }
  const cursor = decodeCursor(search.after);
  if (cursor) where.push(afterCursor(SORT_KEYS[search.sort], sql`${incomingPayments.id}`, search.dir, cursor));
  return and(...where);
}

/** One page of the organization's incoming payments in the chosen order (newest booking first by default), with the next page's cursor. */
export async function listPayments(organizationId: string, search: PaymentSearch, executor: Executor = db(), limit = PAGE) {
  const key = SORT_KEYS[search.sort];
  const rows = await executor
    .select({
      id: incomingPayments.id,
      source: incomingPayments.source,
      bookingDate: incomingPayments.bookingDate,
      valueDate: incomingPayments.valueDate,
      currency: incomingPayments.currency,
      amountMinor: incomingPayments.amountMinor,
      unappliedMinor: incomingPayments.unappliedMinor,
      chargesMinor: incomingPayments.chargesMinor,
      payerName: incomingPayments.payerName,
      reference: incomingPayments.reference,
      remittanceText: incomingPayments.remittanceText,
      bankRef: incomingPayments.bankRef,
      matchStatus: incomingPayments.matchStatus,
      buyerName: buyers.name,
      sortValue: sql<string>`${key.expression}::text`,
    })
    .from(incomingPayments)
    .leftJoin(buyers, eq(buyers.id, incomingPayments.buyerId))
    .where(conditions(organizationId, search))
    .orderBy(keysetOrder(key, sql`${incomingPayments.id}`, search.dir))
    .limit(limit + 1);
  const page = rows.slice(0, limit).map(({ sortValue: _sortValue, ...row }) => row);
  const last = rows[limit - 1];
  return { payments: page, nextCursor: rows.length > limit && last ? encodeCursor(last.sortValue, last.id) : null };
}
export type PaymentListRow = Awaited<ReturnType<typeof listPayments>>["payments"][number];
