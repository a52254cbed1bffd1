import { type Pricing, priceQuote, type QuotePrice, tierFor } from "../fx";
import type { CurrencyCode } from "../money";

/**
 * Prices the conversion of a settlement's whole due amount: the largest amount whose conversion plus its fee (the
 * organization's pricing tier may charge one on top) fits in `dueMinor`, at the mid less the tier's spread. With no
 * fee that is the due amount itself; with one, a minor unit of rounding may stay in available for the next run.
 * `cnyEquivalentMinor` (the due amount's worth in CNY) picks the tier, as for a member's conversion.
 */
export function priceSettlementConversion(input: {
  dueMinor: bigint;
  sellCurrency: CurrencyCode;
  buyCurrency: CurrencyCode;
  mid: string;
  pricing: Pricing;
  cnyEquivalentMinor: bigint;
}): QuotePrice {
  const price = (amountMinor: bigint) =>
    priceQuote({ sellCurrency: input.sellCurrency, buyCurrency: input.buyCurrency, side: "sell", amountMinor }, input.mid, input.pricing, input.cnyEquivalentMinor);
  const { feeBps } = tierFor(input.pricing, input.cnyEquivalentMinor);
  // amount × (1 + fee rate) = due, then the fee's rounding settled by a step either way.
  let best = price((input.dueMinor * 10_000n) / (10_000n + BigInt(feeBps)));
  while (best.sellTotalMinor > input.dueMinor) best = price(best.sellAmountMinor - 1n);
  for (;;) {
    const next = price(best.sellAmountMinor + 1n);
    if (next.sellTotalMinor > input.dueMinor) return best;
    best = next;
  }
}
