import { FxDecimal, MID_SIGNIFICANT_DIGITS, plain } from "./decimal";

/** The ECB quotes every currency per 1 EUR: cross rates go through it. */
export const PIVOT = "EUR";

/** One stored rate: 1 `base` = `rate` `quote`, observed at `asOf`, from `source`. */
export interface RateObservation {
  base: string;
  quote: string;
  rate: string;
  asOf: Date;
  source: string;
}

/** A rate for a pair as the platform uses it: how it was derived, and the age of its oldest input. */
export interface ResolvedRate {
  base: string;
  quote: string;
  /** 1 base = mid quote; a plain decimal string with up to 18 significant digits. */
  mid: string;
  /** The oldest `asOf` of the observations it was derived from. */
  asOf: Date;
  source: string;
  via: "identity" | "direct" | "inverse" | "cross";
}

/** quote per base from (base per EUR, quote per EUR): USD→CNY = CNY per EUR ÷ USD per EUR. */
export function crossRate(basePerPivot: string, quotePerPivot: string): string {
  return plain(new FxDecimal(quotePerPivot).dividedBy(basePerPivot).toSignificantDigits(MID_SIGNIFICANT_DIGITS));
}

export function invertRate(rate: string): string {
  return plain(new FxDecimal(1).dividedBy(rate).toSignificantDigits(MID_SIGNIFICANT_DIGITS));
}

const pairKey = (base: string, quote: string) => `${base}/${quote}`;

/**
 * The newest observation of each pair (as the database returns them: one per pair), and a resolver over them. Any
 * feature that needs "today's rate" (quotes, the exposure view) builds one book and asks it for each pair.
 */
export class RateBook {
  private readonly newest = new Map<string, RateObservation>();

  constructor(observations: Iterable<RateObservation>) {
    for (const observation of observations) {
      const key = pairKey(observation.base, observation.quote);
      const current = this.newest.get(key);
      if (!current || current.asOf < observation.asOf) this.newest.set(key, observation);
    }
  }

  /** Every currency the book can price against another. */
  currencies(): string[] {
    const found = new Set<string>();
    for (const { base, quote } of this.newest.values()) {
      found.add(base);
      found.add(quote);
    }
    return [...found].sort();
  }

  /**
   * 1 base in quote: the newest of a direct observation, an inverted one and the cross through EUR (whose age is
   * that of its older leg). Null when the book cannot price the pair.
   */
  resolve(base: string, quote: string): ResolvedRate | null {
    if (base === quote) return { base, quote, mid: "1", asOf: new Date(8.64e15), source: "identity", via: "identity" };
    const candidates: ResolvedRate[] = [];
    const direct = this.newest.get(pairKey(base, quote));
    if (direct) candidates.push({ base, quote, mid: plain(new FxDecimal(direct.rate)), asOf: direct.asOf, source: direct.source, via: "direct" });
    const inverse = this.newest.get(pairKey(quote, base));
    if (inverse) candidates.push({ base, quote, mid: invertRate(inverse.rate), asOf: inverse.asOf, source: inverse.source, via: "inverse" });
    if (base !== PIVOT && quote !== PIVOT) {
      const baseLeg = this.newest.get(pairKey(PIVOT, base));
      const quoteLeg = this.newest.get(pairKey(PIVOT, quote));
      if (baseLeg && quoteLeg) {
        candidates.push({
          base,
          quote,
          mid: crossRate(baseLeg.rate, quoteLeg.rate),
          asOf: baseLeg.asOf < quoteLeg.asOf ? baseLeg.asOf : quoteLeg.asOf,
          source: baseLeg.source === quoteLeg.source ? baseLeg.source : `${baseLeg.source}+${quoteLeg.source}`,
          via: "cross",
        });
      }
    }
    // Newest wins; at equal age a direct observation beats a derived one (candidates are in that order).
    let best: ResolvedRate | null = null;
    for (const candidate of candidates) if (!best || candidate.asOf > best.asOf) best = candidate;
    return best;
  }
}

/** Hours a rate may age before no quote is given: default 120 h, so weekends and two-day holidays stay quotable. */
export const DEFAULT_MAX_RATE_AGE_MS = 120 * 3_600_000;

export function isStale(asOf: Date, now: Date, maxAgeMs: number = DEFAULT_MAX_RATE_AGE_MS): boolean {
  return now.getTime() - asOf.getTime() > maxAgeMs;
}
