import Decimal from "decimal.js";
import { type CurrencyCode, minorUnits } from "./currency";

/**
 * How a result that falls between two minor units is rounded to a whole minor unit.
 * - "half_even": to the nearest; an exact half goes to the even neighbour (banker's rounding).
 * - "half_up": to the nearest; an exact half goes away from zero (2.5 → 3, -2.5 → -3).
 */
export type RoundingMode = "half_even" | "half_up";

/**
 * House rule: banker's rounding. Over many fees and conversions, exact halves go up as
 * often as down, so rounding adds no systematic bias to the ledger.
 */
export const DEFAULT_ROUNDING: RoundingMode = "half_even";

// A private clone so no other code's global Decimal settings can change these results.
const D = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN });

const DECIMAL_MODE = {
  half_even: Decimal.ROUND_HALF_EVEN,
  half_up: Decimal.ROUND_HALF_UP,
} as const satisfies Record<RoundingMode, Decimal.Rounding>;

const DECIMAL_STRING = /^-?\d+(\.\d+)?$/;

function parseDecimal(value: string, what: string): Decimal {
  if (!DECIMAL_STRING.test(value)) throw new SyntaxError(`${what} must be a decimal string, got "${value}"`);
  return new D(value);
}

function roundToMinor(amountMinor: bigint, factor: Decimal, rounding: RoundingMode): bigint {
  const amount = new D(amountMinor.toString());
  // Past the working precision the product itself would be rounded, and then rounded again.
  if (amount.sd() + factor.sd() > D.precision) {
    throw new RangeError("Amount and rate have too many significant digits to multiply exactly");
  }
  return BigInt(amount.times(factor).toDecimalPlaces(0, DECIMAL_MODE[rounding]).toFixed(0));
}

/** amountMinor × rate, rounded to a whole minor unit. `rate` is a plain decimal string such as "0.006". */
export function multiplyByRate(
  amountMinor: bigint,
  rate: string,
  rounding: RoundingMode = DEFAULT_ROUNDING,
): bigint {
  return roundToMinor(amountMinor, parseDecimal(rate, "Rate"), rounding);
}

/**
 * Converts an amount in `from` minor units to `to` minor units, where 1 unit of `from`
 * equals `rate` units of `to` (e.g. USD→JPY "151.37"). The minor-unit scales may differ.
 */
export function convertMinor(
  amountMinor: bigint,
  from: CurrencyCode,
  to: CurrencyCode,
  rate: string,
  rounding: RoundingMode = DEFAULT_ROUNDING,
): bigint {
  const factor = parseDecimal(rate, "Rate");
  if (factor.lte(0)) throw new RangeError(`Exchange rate must be positive, got "${rate}"`);
  const scale = minorUnits(to) - minorUnits(from);
  return roundToMinor(amountMinor, factor.times(new D(10).pow(scale)), rounding);
}

/** `percent` % of the amount, e.g. percentageOf(100000n, "0.6") = 600n. */
export function percentageOf(
  amountMinor: bigint,
  percent: string,
  rounding: RoundingMode = DEFAULT_ROUNDING,
): bigint {
  return roundToMinor(amountMinor, parseDecimal(percent, "Percent").dividedBy(100), rounding);
}
