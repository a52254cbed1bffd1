import { type CurrencyCode, minorUnits } from "./currency";
import { LOCALES } from "./format";

export type AmountParseError =
  | "empty"
  | "not_a_number"
  | "too_many_decimals"
  | "negative_not_allowed"
  | "zero_not_allowed"
  | "too_large";

export type ParseAmountResult =
  | { ok: true; amountMinor: bigint }
  | { ok: false; error: AmountParseError };

export interface ParseAmountOptions {
  allowNegative?: boolean;
  allowZero?: boolean;
}

const MAX_MINOR = 2n ** 63n - 1n;

function fail(error: AmountParseError): ParseAmountResult {
  return { ok: false, error };
}

/** Full-width forms typed with a Chinese IME become ASCII; every kind of space becomes " ". */
function normalize(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\uFFE5/g, "¥")
    .replace(/\u3002/g, ".")
    .replace(/\u2212/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}

function intlSymbol(currency: CurrencyCode, locale: string): string {
  const parts = new Intl.NumberFormat(locale, { style: "currency", currency }).formatToParts(0);
  return normalize(parts.find((part) => part.type === "currency")?.value ?? "");
}

/**
 * A marker is this currency's code in any case, a symbol (up to three letters then a currency
 * sign: "$", "US$", "¥", "CN¥") or the symbol formatMoney prints for it (e.g. "F CFA").
 * Symbols are not checked against the currency because "$" and "¥" are shared.
 */
function isMarker(marker: string, currency: CurrencyCode): boolean {
  return (
    marker === "" ||
    marker.toUpperCase() === currency ||
    /^\p{L}{0,3}\p{Sc}$/u.test(marker) ||
    LOCALES.some((locale) => intlSymbol(currency, locale) === marker)
  );
}

/*
 * Separators, for the digits between the first and the last digit:
 * - spaces (incl. NBSP and U+202F) only ever group thousands;
 * - if both "." and "," appear, the last one is the decimal separator and the other groups;
 * - if only one kind appears, more than once, it groups;
 * - if only one appears once: "." is decimal; "," is decimal unless followed by exactly
 *   three digits, then it groups ("12,500" is 12500, "12,50" is 12.50).
 * Groups must be plausible: one kind of grouping character, a first group of 1-3 digits
 * not starting with 0, then groups of exactly 3 ("1,00,0" and "0,500" are rejected).
 */
function decimalSeparator(digits: string): "." | "," | null {
  const lastDot = digits.lastIndexOf(".");
  const lastComma = digits.lastIndexOf(",");
  if (lastDot >= 0 && lastComma >= 0) return lastDot > lastComma ? "." : ",";
  const only = lastDot >= 0 ? "." : lastComma >= 0 ? "," : null;
  if (only === null || digits.indexOf(only) !== digits.lastIndexOf(only)) return null;
  if (only === "," && /,\d{3}$/.test(digits)) return null;
  return only;
}

function ungroup(whole: string): string | null {
  const separators = [...new Set(whole.replace(/\d/g, ""))];
  if (separators.length === 0) return whole;
  if (separators.length > 1) return null;
  const [first = "", ...rest] = whole.split(separators[0]!);
  const plausible = /^[1-9]\d{0,2}$/.test(first) && rest.every((group) => /^\d{3}$/.test(group));
  return plausible ? first + rest.join("") : null;
}

/**
 * Reads an amount as people type it in en and zh-CN: "12,500.00", "1.234,56", "12 500,50",
 * "¥1,000", "US$1,000", "USD 100", "100 USD", full-width "１２５００", "-5" or "(5.00)".
 * Zero and negative amounts are refused unless allowed.
 */
export function parseAmount(
  input: string,
  currency: CurrencyCode,
  opts: ParseAmountOptions = {},
): ParseAmountResult {
  const minorDigits = minorUnits(currency);
  let text = normalize(input);
  if (text === "") return fail("empty");

  const parenthesised = text.startsWith("(") && text.endsWith(")");
  if (parenthesised) text = text.slice(1, -1).trim();

  const firstDigit = text.search(/\d/);
  if (firstDigit < 0) return fail("not_a_number");
  const lastDigit = text.search(/\d\D*$/);
  const prefix = /^([+-]?) ?(.*?) ?([+-]?)$/.exec(text.slice(0, firstDigit));
  const number = text.slice(firstDigit, lastDigit + 1);
  const suffix = text.slice(lastDigit + 1).trim();

  if (!prefix || !/^[\d., ]+$/.test(number)) return fail("not_a_number");
  const [, signBefore = "", prefixMarker = "", signAfter = ""] = prefix;
  const sign = signBefore + signAfter;
  if (sign.length > 1 || (parenthesised && sign !== "")) return fail("not_a_number");
  if (prefixMarker !== "" && suffix !== "") return fail("not_a_number");
  if (!isMarker(prefixMarker || suffix, currency)) return fail("not_a_number");

  const separator = decimalSeparator(number);
  const [rawWhole = "", fraction = "", ...extra] = separator ? number.split(separator) : [number];
  const whole = ungroup(rawWhole);
  if (whole === null || extra.length > 0 || !/^\d*$/.test(fraction)) return fail("not_a_number");
  if (fraction.length > minorDigits) return fail("too_many_decimals");

  const magnitude = BigInt(whole + fraction.padEnd(minorDigits, "0"));
  if (magnitude > MAX_MINOR) return fail("too_large");
  if (magnitude === 0n) return opts.allowZero ? { ok: true, amountMinor: 0n } : fail("zero_not_allowed");
  const negative = parenthesised || sign === "-";
  if (negative && !opts.allowNegative) return fail("negative_not_allowed");
  return { ok: true, amountMinor: negative ? -magnitude : magnitude };
}
