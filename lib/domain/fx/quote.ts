import { convertMinor, type CurrencyCode, minorUnits, multiplyByRate } from "../money";
import { CUSTOMER_RATE_SIGNIFICANT_DIGITS, FxDecimal, plain } from "./decimal";
import { bpsFraction, type Pricing, tierFor } from "./pricing";

/** Which amount the user typed: what they sell, or what they want to receive. */
export type QuoteSide = "sell" | "buy";

export interface QuoteRequest {
  sellCurrency: CurrencyCode;
  buyCurrency: CurrencyCode;
  side: QuoteSide;
  /** In minor units of the sold currency when side is "sell", of the bought one when "buy". */
  amountMinor: bigint;
}

export interface QuotePrice {
  /** 1 sold unit = mid bought units. */
  mid: string;
  spreadBps: number;
  feeBps: number;
  /** mid less the spread, to 12 significant digits: the rate the amounts are computed with. */
  customerRate: string;
  /** Sold currency converted at the customer rate. */
  sellAmountMinor: bigint;
  /** Charged on top, in the sold currency, to the platform's fee revenue. */
  feeMinor: bigint;
  /** What leaves the sold balance: the amount converted plus the fee. */
  sellTotalMinor: bigint;
  /** Exactly what arrives in the bought balance. */
  buyAmountMinor: bigint;
}

export class QuoteError extends Error {
  readonly userFacing = true;
  constructor(
    readonly code: "fx_same_currency" | "fx_amount_too_small",
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = "QuoteError";
  }
}

/** mid × (1 − spread), to 12 significant digits, half-even: what the customer gets per unit sold. */
export function customerRate(mid: string, spreadBps: number): string {
  const rate = new FxDecimal(mid).times(new FxDecimal(1).minus(bpsFraction(spreadBps)));
  return plain(rate.toSignificantDigits(CUSTOMER_RATE_SIGNIFICANT_DIGITS));
}

/**
 * Prices a conversion. `mid` is 1 sold unit in bought units; `cnyEquivalentMinor` (the conversion's worth in CNY)
 * picks the pricing tier. Amounts are rounded to their currency's minor unit:
 * - side "sell": the typed amount is converted; bought = sold × customer rate, half-even.
 * - side "buy": the typed amount arrives exactly; sold = bought ÷ customer rate, rounded UP (toward the platform,
 *   which must never under-collect).
 * The fee (feeBps of the amount converted) comes on top of the sold amount.
 */
export function priceQuote(request: QuoteRequest, mid: string, pricing: Pricing, cnyEquivalentMinor: bigint): QuotePrice {
  if (request.sellCurrency === request.buyCurrency) throw new QuoteError("fx_same_currency");
  if (request.amountMinor <= 0n) throw new QuoteError("fx_amount_too_small");
  const tier = tierFor(pricing, cnyEquivalentMinor);
  const rate = customerRate(mid, tier.spreadBps);
  let sellAmountMinor: bigint;
  let buyAmountMinor: bigint;
  if (request.side === "sell") {
    sellAmountMinor = request.amountMinor;
    buyAmountMinor = convertMinor(sellAmountMinor, request.sellCurrency, request.buyCurrency, rate);
  } else {
    buyAmountMinor = request.amountMinor;
    sellAmountMinor = soldForBought(buyAmountMinor, request.buyCurrency, request.sellCurrency, rate);
  }
  // Too small to be worth a minor unit on one side (e.g. 1 KRW into USD).
  if (sellAmountMinor <= 0n || buyAmountMinor <= 0n) throw new QuoteError("fx_amount_too_small");
  const feeMinor = multiplyByRate(sellAmountMinor, bpsFraction(tier.feeBps));
  return {
    mid,
    spreadBps: tier.spreadBps,
    feeBps: tier.feeBps,
    customerRate: rate,
    sellAmountMinor,
    feeMinor,
    sellTotalMinor: sellAmountMinor + feeMinor,
    buyAmountMinor,
  };
}

// Rounds toward +∞ at every step: the 40-digit quotient is never below the exact one, and never past the next
// whole minor unit, so its ceiling is exactly the ceiling of bought ÷ rate.
const CeilDecimal = FxDecimal.clone({ rounding: FxDecimal.ROUND_CEIL });

/** bought ÷ rate in the sold currency's minor units, rounded up to a whole minor unit. */
function soldForBought(buyMinor: bigint, buyCurrency: CurrencyCode, sellCurrency: CurrencyCode, rate: string): bigint {
  const scale = minorUnits(sellCurrency) - minorUnits(buyCurrency);
  const sold = new CeilDecimal(buyMinor.toString()).times(new CeilDecimal(10).pow(scale)).dividedBy(rate);
  return BigInt(sold.toDecimalPlaces(0, CeilDecimal.ROUND_CEIL).toFixed(0));
}

/** The amount in CNY minor units at `midToCny` (1 unit of `currency` in CNY), half-even; CNY itself unchanged. */
export function cnyEquivalent(amountMinor: bigint, currency: CurrencyCode, midToCny: string): bigint {
  if (currency === "CNY") return amountMinor;
  return convertMinor(amountMinor, currency, "CNY", midToCny);
}

/** The typed amount's currency. */
export function amountCurrency(request: Pick<QuoteRequest, "side" | "sellCurrency" | "buyCurrency">): CurrencyCode {
  return request.side === "sell" ? request.sellCurrency : request.buyCurrency;
}
