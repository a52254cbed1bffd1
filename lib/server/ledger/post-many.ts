import { createHash } from "node:crypto";
import type { rawClient } from "@/db/client";
import { canonicalRequest, mayGoNegative, type ValidEntry } from "@/lib/domain/ledger";

/** A ledger entry to post with the id it is to get. */
export interface EntryToPost {
  id: string;
  entry: ValidEntry;
}

/**
 * The statement posting entries of one organization through ledger_post_many (which writes what a ledger_post per
 * entry would, with the same request hashes, but moves each account once), to run or to embed in a larger one.
 * With `keep` (an SQL set of entry ids) only those entries are posted, in the order given.
 */
export function ledgerPostMany(
  sql: ReturnType<typeof rawClient>,
  organizationId: string,
  createdBy: string | null,
  entries: readonly EntryToPost[],
  keep?: ReturnType<ReturnType<typeof rawClient>>,
) {
  if (entries.some(({ entry }) => entry.organizationId !== organizationId || entry.reversesEntryId !== null)) {
    throw new Error("ledger_post_many posts one organization's entries, none a reversal");
  }
  const lines = entries.flatMap(({ id, entry }) => entry.lines.map((line) => ({ id, ...line })));
  const column = <T>(pick: (item: EntryToPost) => T) => entries.map(pick);
  const lineColumn = <T>(pick: (line: (typeof lines)[number]) => T) => lines.map(pick);
  const kept = (id: ReturnType<ReturnType<typeof rawClient>>) => (keep ? sql`${id} in (${keep})` : sql`true`);
  return sql`
    select ledger_post_many(${organizationId}::uuid, e.ids, e.keys, e.hashes, e.types, e.descriptions, e.cause_types, e.cause_ids, ${createdBy}::uuid,
                            l.entry_ids, l.owners, l.kinds, l.currencies, l.amounts, l.allow_negative)
      from (select array_agg(x.id order by x.n) as ids, array_agg(x.key order by x.n) as keys, array_agg(x.hash order by x.n) as hashes,
                   array_agg(x.type order by x.n) as types, array_agg(x.description order by x.n) as descriptions,
                   array_agg(x.cause_type order by x.n) as cause_types, array_agg(x.cause_id order by x.n) as cause_ids
              from unnest(${sql.array(column((e) => e.id))}::uuid[], ${sql.array(column((e) => e.entry.idempotencyKey))}::text[],
                          ${sql.array(column((e) => createHash("sha256").update(canonicalRequest(e.entry)).digest("hex")))}::text[],
                          ${sql.array(column((e) => e.entry.type))}::text[], ${sql.array(column((e) => e.entry.description))}::text[],
                          ${sql.array(column((e) => e.entry.cause?.type ?? null))}::text[], ${sql.array(column((e) => e.entry.cause?.id ?? null))}::text[])
                   with ordinality as x(id, key, hash, type, description, cause_type, cause_id, n)
             where ${kept(sql`x.id`)}) e,
           (select array_agg(y.entry_id order by y.n) as entry_ids, array_agg(y.owner order by y.n) as owners, array_agg(y.kind order by y.n) as kinds,
                   array_agg(y.currency order by y.n) as currencies, array_agg(y.amount order by y.n) as amounts,
                   array_agg(y.allow_negative order by y.n) as allow_negative
              from unnest(${sql.array(lineColumn((l) => l.id))}::uuid[], ${sql.array(lineColumn((l) => l.account.organizationId))}::uuid[],
                          ${sql.array(lineColumn((l) => l.account.kind))}::ledger_account_kind[], ${sql.array(lineColumn((l) => l.account.currency))}::bpchar[],
                          ${sql.array(lineColumn((l) => l.amountMinor.toString()))}::bigint[], ${sql.array(lineColumn((l) => mayGoNegative(l.account.kind)))}::boolean[])
                   with ordinality as y(entry_id, owner, kind, currency, amount, allow_negative, n)
             where ${kept(sql`y.entry_id`)}) l
     where e.ids is not null`;
}
