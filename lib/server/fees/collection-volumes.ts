import { sql } from "drizzle-orm";
import { type Executor, rawClient } from "@/db/client";
import { cnyEquivalent, RateBook } from "@/lib/domain/fx";
import { FxDecimal, plain } from "@/lib/domain/fx/decimal";
import type { CurrencyCode } from "@/lib/domain/money";
import { DEFAULT_TIME_ZONE, localDateOf } from "@/lib/domain/time/local-day";

/** The China-time date fees are priced on (the schedule in effect). */
export function chinaDate(at: Date): string {
  return localDateOf(at, DEFAULT_TIME_ZONE);
}

/** The China-time month (`YYYY-MM`) a collection counts toward. */
export function chinaMonth(at: Date): string {
  return chinaDate(at).slice(0, 7);
}

/**
 * The organization's collection volume so far in `month`, with its row locked to the end of the transaction:
 * the organization's fee pricing then runs one transaction at a time, each seeing the volume the one before left.
 */
export async function lockMonthVolume(executor: Executor, organizationId: string, month: string): Promise<bigint> {
  const [row] = await executor.execute<{ volume: string }>(sql`
    insert into collection_volumes as v (organization_id, month) values (${organizationId}, ${month})
    on conflict (organization_id, month) do update set volume_cny_minor = v.volume_cny_minor
    returning v.volume_cny_minor::text as volume`);
  return BigInt(row!.volume);
}

/** The month's volume without a lock, for showing a fee before the person confirms. */
export async function monthVolume(executor: Executor, organizationId: string, month: string): Promise<bigint> {
  const [row] = await executor.execute<{ volume: string }>(
    sql`select volume_cny_minor::text as volume from collection_volumes where organization_id = ${organizationId} and month = ${month}`,
  );
  return BigInt(row?.volume ?? "0");
}

/** Adds `deltaMinor` (negative: takes an unmatched collection off again) to a month's volume. */
export async function addToMonthVolume(executor: Executor, organizationId: string, month: string, deltaMinor: bigint): Promise<void> {
  if (deltaMinor === 0n) return;
  // A negative amount only ever undoes a positive one: the row is there (an insert would fail the check first).
  if (deltaMinor < 0n) {
    await executor.execute(sql`
      update collection_volumes set volume_cny_minor = volume_cny_minor + ${deltaMinor.toString()}::bigint, updated_at = now()
       where organization_id = ${organizationId} and month = ${month}`);
    return;
  }
  await executor.execute(sql`
    insert into collection_volumes as v (organization_id, month, volume_cny_minor) values (${organizationId}, ${month}, ${deltaMinor.toString()}::bigint)
    on conflict (organization_id, month) do update set volume_cny_minor = v.volume_cny_minor + excluded.volume_cny_minor, updated_at = now()`);
}

/**
 * The newest stored mid rates that price `currencies` in CNY (direct, inverse, or across EUR, as RateBook resolves
 * them): a few index lookups rather than the whole rate table.
 */
export async function cnyRateBook(executor: Executor, currencies: readonly string[]): Promise<RateBook> {
  const foreign = [...new Set(currencies)].filter((currency) => currency !== "CNY");
  if (foreign.length === 0) return new RateBook([]);
  const pairs = [["EUR", "CNY"], ...foreign.flatMap((currency) => [[currency, "CNY"], ["CNY", currency], ["EUR", currency]])];
  const raw = rawClient(executor);
  const rows = await raw<{ base: string; quote: string; rate: string; as_of: Date; source: string }[]>`
    select p.base, p.quote, r.rate::text as rate, r.as_of, r.source
      from unnest(${raw.array(pairs.map(([base]) => base!))}::bpchar[], ${raw.array(pairs.map(([, quote]) => quote!))}::bpchar[]) as p(base, quote)
      cross join lateral (
        select rate, as_of, source from fx_rates where base = p.base and quote = p.quote order by as_of desc, id desc limit 1
      ) r`;
  return new RateBook(
    rows.map((row) => ({
      base: row.base,
      quote: row.quote,
      rate: plain(new FxDecimal(row.rate)),
      asOf: new Date(row.as_of),
      source: row.source,
    })),
  );
}

/**
 * A collection's worth in CNY for the volume tiers: at the newest stored mid rate, whatever its age (the volume
 * only picks a tier; a collection is never held up for want of a fresh rate). A currency the book cannot price
 * in CNY adds nothing.
 */
export function volumeCnyMinor(book: RateBook, amountMinor: bigint, currency: CurrencyCode): bigint {
  const rate = book.resolve(currency, "CNY");
  return rate ? cnyEquivalent(amountMinor, currency, rate.mid) : 0n;
}
