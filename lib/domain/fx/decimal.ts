import Decimal from "decimal.js";

/**
 * FX's own Decimal clone, so no other code's global settings change its results: 40 significant digits of working
 * precision, banker's rounding, and never exponent notation in strings (a rate of 1 IDR in EUR is 0.0000000597…).
 */
export const FxDecimal = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -60, toExpPos: 60 });
export type FxDecimal = InstanceType<typeof FxDecimal>;

/** Significant digits kept of a cross rate (a quotient, so not exact); every stored or printed mid has at least 12. */
export const MID_SIGNIFICANT_DIGITS = 18;
/** Significant digits of the customer rate: the rate shown on a quote is exactly the rate its amounts use. */
export const CUSTOMER_RATE_SIGNIFICANT_DIGITS = 12;
export const MIN_PRINTED_DIGITS = 12;

const PLAIN = /^\d+(\.\d+)?$/;

/** A positive plain decimal string ("7.2189", "0.00068"), or null. */
export function parsePositiveRate(value: string): FxDecimal | null {
  const text = value.trim();
  if (!PLAIN.test(text) || text.length > 40) return null;
  const rate = new FxDecimal(text);
  return rate.gt(0) ? rate : null;
}

/** The rate as a plain decimal string with no exponent and no trailing zeros beyond what it needs. */
export function plain(rate: FxDecimal): string {
  return rate.toFixed();
}

/** A rate with at least 12 significant digits, padded with zeros (e.g. "1.04120000000"), never in exponent form. */
export function withMinDigits(rate: string | FxDecimal, digits = MIN_PRINTED_DIGITS): string {
  const value = typeof rate === "string" ? new FxDecimal(rate) : rate;
  return value.toPrecision(Math.max(digits, value.sd(true)));
}
