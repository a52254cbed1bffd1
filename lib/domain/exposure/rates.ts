import { isStale, type RateBook } from "../fx/rates";

/**
 * Today's value of one foreign unit in CNY, as the exposure view may use it: only a fresh rate values anything; a
 * stale or missing one is reported, never silently dropped.
 */
export type CnyRate =
  | { status: "fresh"; mid: string; asOf: Date; source: string }
  | { status: "stale"; mid: string; asOf: Date; source: string }
  | { status: "unavailable" };

export type FreshCnyRate = Extract<CnyRate, { status: "fresh" }>;

/** Each currency's rate to CNY from the book, judged by the same age rule as quotes. */
export function cnyRates(book: RateBook, currencies: Iterable<string>, now: Date, maxAgeMs: number): Map<string, CnyRate> {
  const rates = new Map<string, CnyRate>();
  for (const currency of currencies) {
    if (currency === "CNY" || rates.has(currency)) continue;
    const resolved = book.resolve(currency, "CNY");
    if (!resolved) rates.set(currency, { status: "unavailable" });
    else rates.set(currency, { status: isStale(resolved.asOf, now, maxAgeMs) ? "stale" : "fresh", mid: resolved.mid, asOf: resolved.asOf, source: resolved.source });
  }
  return rates;
}
