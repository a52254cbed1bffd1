import { minorUnits, type CurrencyCode } from "@/lib/domain/money";
import { InvoiceDecimal } from "./decimal";

export const QUANTITY_DECIMALS = 3;
/** Unit prices may be finer than the currency's minor unit by this many places (a screw at USD 0.0125). */
export const EXTRA_PRICE_DECIMALS = 4;
/** Keeps every line amount, and any invoice total, far inside a signed 64-bit count of minor units. */
const MAX_LINE_MINOR = 10n ** 15n;

export type DecimalParseError = "required" | "format" | "too_many_decimals" | "zero" | "too_large";
export type DecimalParseResult = { ok: true; value: string } | { ok: false; error: DecimalParseError };

const PLAIN = /^(\d+)(?:\.(\d+))?$/;

/** "1,200.5" or "１２００.５" → "1200.5": grouping commas and spaces dropped, full-width digits made ASCII. */
function normalizeNumber(input: string): string {
  return input
    .replace(/[\uFF10-\uFF19\uFF0E\uFF0C]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s,]/g, "");
}

function parseDecimal(input: string, maxDecimals: number, allowZero: boolean): DecimalParseResult {
  const text = normalizeNumber(input);
  if (text === "") return { ok: false, error: "required" };
  const match = PLAIN.exec(text);
  if (!match) return { ok: false, error: "format" };
  const fraction = match[2] ?? "";
  if (fraction.length > maxDecimals) return { ok: false, error: "too_many_decimals" };
  if (match[1]!.length > 12) return { ok: false, error: "too_large" };
  const value = new InvoiceDecimal(text);
  if (value.isZero() && !allowZero) return { ok: false, error: "zero" };
  return { ok: true, value: value.toFixed() };
}

/** A quantity: positive, at most three decimals ("12.5" cartons, "1,000" pieces, "0.375" tonnes). */
export function parseQuantity(input: string): DecimalParseResult {
  return parseDecimal(input, QUANTITY_DECIMALS, false);
}

/** A unit price in major units of `currency`: zero allowed (free samples), up to minor units + 4 decimals. */
export function parseUnitPrice(input: string, currency: CurrencyCode): DecimalParseResult {
  return parseDecimal(input, minorUnits(currency) + EXTRA_PRICE_DECIMALS, true);
}

/** quantity × unit price in minor units of `currency`, rounded half-up; both are plain decimal strings. */
export function lineAmountMinor(quantity: string, unitPrice: string, currency: CurrencyCode): bigint {
  const product = new InvoiceDecimal(quantity).times(unitPrice).times(new InvoiceDecimal(10).pow(minorUnits(currency)));
  return BigInt(product.toDecimalPlaces(0, InvoiceDecimal.ROUND_HALF_UP).toFixed(0));
}

export function isLineAmountTooLarge(amountMinor: bigint): boolean {
  return amountMinor > MAX_LINE_MINOR;
}
