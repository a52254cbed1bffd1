import { cnyEquivalent } from "../fx/quote";

export interface CurrencyAmount {
  readonly currency: string;
  readonly amountMinor: bigint;
}

export interface CnyTotal {
  /** Per currency in code order, with its CNY equivalent (null without a rate). */
  readonly byCurrency: readonly (CurrencyAmount & { readonly cnyMinor: bigint | null })[];
  /** The priced currencies' CNY equivalents summed, in fen. */
  readonly cnyMinor: bigint;
  /** Currencies left out of `cnyMinor` for want of a rate. */
  readonly unpriced: readonly string[];
}

/** An amount in CNY fen at its currency's mid rate, half-even; null when `midToCny` has no rate for it (CNY needs none). */
export function cnyValue(currency: string, amountMinor: bigint, midToCny: ReadonlyMap<string, string>): bigint | null {
  const mid = midToCny.get(currency);
  return currency === "CNY" ? amountMinor : mid === undefined ? null : cnyEquivalent(amountMinor, currency, mid);
}

/**
 * Sums amounts per currency (zero sums dropped) and values each at its CNY mid rate, half-even to the fen, as the
 * aging does; `midToCny` holds the rates of the currencies that have a usable one (CNY needs none).
 */
export function cnyTotal(amounts: readonly CurrencyAmount[], midToCny: ReadonlyMap<string, string>): CnyTotal {
  const sums = new Map<string, bigint>();
  for (const { currency, amountMinor } of amounts) sums.set(currency, (sums.get(currency) ?? 0n) + amountMinor);
  let cnyMinor = 0n;
  const unpriced: string[] = [];
  const byCurrency = [...sums.entries()]
    .filter(([, amountMinor]) => amountMinor !== 0n)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, amountMinor]) => {
      const converted = cnyValue(currency, amountMinor, midToCny);
      if (converted === null) unpriced.push(currency);
      else cnyMinor += converted;
      return { currency, amountMinor, cnyMinor: converted };
    });
  return { byCurrency, cnyMinor, unpriced };
}
