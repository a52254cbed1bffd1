import { fromDecimalString, isCurrencyCode, minorUnits } from "@/lib/domain/money";
import { StatementParseError, type StatementParseErrorParams } from "./errors";

export function checkCurrency(code: string, where: StatementParseErrorParams): string {
  const upper = code.trim().toUpperCase();
  if (!isCurrencyCode(upper)) {
    throw new StatementParseError("invalid_value", { ...where, value: code }, `Unknown currency "${code}"`);
  }
  return upper;
}

/**
 * An unsigned statement amount ("1234,56" in MT940, "1234.56" in camt) as exact minor units. Banks pad to two
 * decimals even for currencies with none (JPY "1000,00"), so decimals beyond the currency's are accepted when zero.
 */
export function parseStatementAmount(
  text: string,
  currency: string,
  decimalSeparator: "." | ",",
  where: StatementParseErrorParams,
): bigint {
  const trimmed = text.trim();
  const [whole = "", fraction = "", ...rest] = trimmed.split(decimalSeparator);
  if (rest.length > 0 || !/^\d+$/.test(whole) || !/^\d*$/.test(fraction)) {
    throw new StatementParseError("invalid_value", { ...where, value: text }, `Not an amount: "${text}"`);
  }
  const digits = minorUnits(currency);
  const extra = fraction.slice(digits);
  if (/[1-9]/.test(extra)) {
    throw new StatementParseError("invalid_value", { ...where, value: text }, `"${text}" has more than ${digits} decimals for ${currency}`);
  }
  const kept = fraction.slice(0, digits);
  return fromDecimalString(kept === "" ? whole : `${whole}.${kept}`, currency);
}
