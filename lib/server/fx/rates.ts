import { readFile } from "node:fs/promises";
import { and, desc, eq, sql } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { fxRates } from "@/db/schema";
import { ecbAsOf, isStale, MAX_ECB_FILE_BYTES, parseEcbXml, plain, FxDecimal, RateBook, type RateObservation, type ResolvedRate } from "@/lib/domain/fx";
import { isCurrencyCode } from "@/lib/domain/money";
import { ActionError } from "../guard/action-error";
import { maxRateAgeMs } from "./config";

export const ECB_SOURCE = "ecb";
export const MANUAL_SOURCE = "manual";
/** The shipped snapshot's newest day, re-dated so the demo stays quotable (see data/ecb/README.md). */
export const DEMO_SOURCE = "demo-snapshot";

/** Where rates come from: the ECB adapter below; a bank's feed would be another. */
export interface RateSource {
  readonly name: string;
  load(): Promise<RateObservation[]>;
}

/** Reads an http(s) URL or a local file, refusing anything larger than an ECB file could be. */
export async function readLocation(location: string): Promise<string> {
  if (/^https?:\/\//i.test(location)) {
    const response = await fetch(location, { signal: AbortSignal.timeout(30_000), redirect: "follow" });
    if (!response.ok) throw new Error(`${location} answered ${response.status}`);
    const length = Number(response.headers.get("content-length") ?? 0);
    if (length > MAX_ECB_FILE_BYTES) throw new Error(`${location} is too large (${length} bytes)`);
    const text = await response.text();
    if (text.length > MAX_ECB_FILE_BYTES) throw new Error(`${location} is too large`);
    return text;
  }
  const text = await readFile(location, "utf8");
  return text;
}

/** ECB XML (daily, 90-day or full history) as observations of EUR → currency; codes unknown to ISO 4217 (ECU-era) are skipped. */
export function ecbObservations(xml: string): RateObservation[] {
  const observations: RateObservation[] = [];
  for (const day of parseEcbXml(xml)) {
    const asOf = ecbAsOf(day.date);
    for (const [currency, rate] of Object.entries(day.rates)) {
      if (currency === "EUR" || !isCurrencyCode(currency)) continue;
      observations.push({ base: "EUR", quote: currency, rate, asOf, source: ECB_SOURCE });
    }
  }
  return observations;
}

/** The ECB's reference rates from a URL or a file. */
export function ecbRateSource(location: string): RateSource {
  return { name: ECB_SOURCE, load: async () => ecbObservations(await readLocation(location)) };
}

/** Stores observations; one already stored (same source, pair and time) is left as it is. Returns how many were new. */
export async function storeObservations(executor: Executor, observations: readonly RateObservation[], enteredBy: string | null = null): Promise<number> {
  let inserted = 0;
  for (let start = 0; start < observations.length; start += 1000) {
    const rows = await executor
      .insert(fxRates)
      .values(observations.slice(start, start + 1000).map((o) => ({ base: o.base, quote: o.quote, rate: o.rate, asOf: o.asOf, source: o.source, enteredBy })))
      .onConflictDoNothing()
      .returning({ id: fxRates.id });
    inserted += rows.length;
  }
  return inserted;
}

export async function importFromSource(executor: Executor, source: RateSource) {
  const observations = await source.load();
  const inserted = await storeObservations(executor, observations);
  const dates = observations.map((o) => o.asOf.getTime());
  return {
    read: observations.length,
    inserted,
    newest: dates.length ? new Date(Math.max(...dates)) : null,
    oldest: dates.length ? new Date(Math.min(...dates)) : null,
  };
}

/** The newest observation of every stored pair (optionally as of a moment), as a book any feature can resolve pairs in. */
export async function loadRateBook(executor: Executor = db(), at?: Date): Promise<RateBook> {
  const rows = await executor.execute<{ base: string; quote: string; rate: string; as_of: Date | string; source: string }>(sql`
    select distinct on (base, quote) base, quote, rate::text as rate, as_of, source
    from ${fxRates}
    ${at ? sql`where as_of <= ${at.toISOString()}::timestamptz` : sql``}
    order by base, quote, as_of desc, id desc`);
  return new RateBook(
    rows.map((row) => ({
      base: row.base,
      quote: row.quote,
      rate: plain(new FxDecimal(row.rate)),
      asOf: row.as_of instanceof Date ? row.as_of : new Date(row.as_of),
      source: row.source,
    })),
  );
}

/** The pair's rate, refused with a message the user can read when there is none or it is older than allowed. */
export function freshRate(book: RateBook, base: string, quote: string, now: Date): ResolvedRate {
  const rate = book.resolve(base, quote);
  if (!rate) throw new ActionError("fx_rate_unavailable", { pair: `${base}/${quote}` });
  const maxAge = maxRateAgeMs();
  if (isStale(rate.asOf, now, maxAge)) {
    throw new ActionError("fx_rate_stale", { pair: `${base}/${quote}`, asOf: rate.asOf.toISOString().slice(0, 16).replace("T", " ") + " UTC", hours: Math.round(maxAge / 3_600_000) });
  }
  return rate;
}

/**
 * Keeps the demo's rates current: when the database holds demo-snapshot rows (the seed writes them) and no rate URL
 * is configured, their newest set is copied with `now` as its time once it is an hour old. Returns rows written.
 */
export async function refreshDemoRates(executor: Executor, now: Date = new Date()): Promise<number> {
  const [newest] = await executor
    .select({ asOf: fxRates.asOf })
    .from(fxRates)
    .where(eq(fxRates.source, DEMO_SOURCE))
    .orderBy(desc(fxRates.asOf))
    .limit(1);
  if (!newest || now.getTime() - newest.asOf.getTime() < 3_600_000) return 0;
  const rows = await executor
    .select({ base: fxRates.base, quote: fxRates.quote, rate: fxRates.rate })
    .from(fxRates)
    .where(and(eq(fxRates.source, DEMO_SOURCE), eq(fxRates.asOf, newest.asOf)));
  return storeObservations(executor, rows.map((row) => ({ ...row, asOf: now, source: DEMO_SOURCE })));
}

/** Newest rows as stored, for the admin page. */
export async function recentRates(limit = 30) {
  return db()
    .select({ id: fxRates.id, base: fxRates.base, quote: fxRates.quote, rate: fxRates.rate, asOf: fxRates.asOf, source: fxRates.source, createdAt: fxRates.createdAt })
    .from(fxRates)
    .orderBy(desc(fxRates.createdAt), desc(fxRates.id))
    .limit(limit);
}
