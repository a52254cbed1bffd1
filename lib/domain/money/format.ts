import { type CurrencyCode, minorUnits } from "./currency";
import { toDecimalString } from "./money";

export type Locale = "en" | "zh-CN";
export const LOCALES: readonly Locale[] = ["en", "zh-CN"];

export interface FormatMoneyOptions {
  display?: "symbol" | "code";
}

// Intl formats a decimal string exactly, so amounts beyond 2^53 never pass through a float.
// The digits are pinned to ISO 4217 because Intl's own (CLDR) digits differ for some currencies.
function exactFormat(amountMinor: bigint, currency: CurrencyCode, locale: Locale, options: Intl.NumberFormatOptions): string {
  const digits = minorUnits(currency);
  const formatter = new Intl.NumberFormat(locale, {
    ...options,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return formatter.format(toDecimalString(amountMinor, currency) as Intl.StringNumericLiteral);
}

/** e.g. "$12,500.50", "-US$0.05", "¥1,000" (en JPY), "USD 12,500.50" with display "code". */
export function formatMoney(
  amountMinor: bigint,
  currency: CurrencyCode,
  locale: Locale,
  opts: FormatMoneyOptions = {},
): string {
  return exactFormat(amountMinor, currency, locale, {
    style: "currency",
    currency,
    currencyDisplay: opts.display ?? "symbol",
  });
}

/** The number alone with grouping and exactly the currency's minor digits, e.g. "12,500.50". */
export function formatAmount(amountMinor: bigint, currency: CurrencyCode, locale: Locale): string {
  return exactFormat(amountMinor, currency, locale, {});
}
