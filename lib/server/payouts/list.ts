import { and, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db, type Executor } from "@/db/client";
import { payouts, users } from "@/db/schema";
import type { PayoutSearch } from "@/lib/domain/payouts/list-search";
import { afterCursor, decodeCursor, encodeCursor, keysetOrder, type SortKey } from "../lists/keyset";

/** Each order as its index has it (payouts_org_requested_idx; the amount order reads the organization's payouts). */
const SORT_KEYS: Record<PayoutSearch["sort"], SortKey> = {
  requested: { expression: sql`${payouts.requestedAt}`, type: "timestamptz" },
  amount: { expression: sql`${payouts.amountMinor}`, type: "bigint" },
};

const requester = alias(users, "requester");

function conditions(organizationId: string, search: PayoutSearch, timeZone: string): SQL | undefined {
  const parts: (SQL | undefined)[] = [eq(payouts.organizationId, organizationId)];
  if (search.status) parts.push(eq(payouts.status, search.status));
  if (search.currency) parts.push(eq(payouts.currency, search.currency));
  // The day boundaries are the organization's, as the list shows the times.
  if (search.from) parts.push(gte(payouts.requestedAt, sql`(${search.from}::date)::timestamp at time zone ${timeZone}`));
  if (search.to) parts.push(lt(payouts.requestedAt, sql`(${search.to}::date + 1)::timestamp at time zone ${timeZone}`));
  const cursor = decodeCursor(search.after);
  if (cursor) parts.push(afterCursor(SORT_KEYS[search.sort], sql`${payouts.id}`, search.dir, cursor));
  return and(...parts);
}

/** One page of the organization's payouts in the chosen order (newest first by default), with the next page's cursor. */
export async function listPayoutPage(organizationId: string, search: PayoutSearch, timeZone: string, limit = 50, executor: Executor = db()) {
  const key = SORT_KEYS[search.sort];
  const rows = await executor
    .select({ payout: payouts, requesterName: requester.name, sortValue: sql<string>`${key.expression}::text` })
    .from(payouts)
    .leftJoin(requester, eq(requester.id, payouts.requestedBy))
    .where(conditions(organizationId, search, timeZone))
    .orderBy(keysetOrder(key, sql`${payouts.id}`, search.dir))
    .limit(limit + 1);
  const page = rows.slice(0, limit).map(({ payout, requesterName }) => ({ ...payout, requesterName }));
  const last = rows[limit - 1];
  return { rows: page, nextCursor: rows.length > limit && last ? encodeCursor(last.sortValue, last.payout.id) : null };
}
export type PayoutPageRow = Awaited<ReturnType<typeof listPayoutPage>>["rows"][number];
