import type { Locale } from "@/i18n/catalog";
import { formatMoney } from "@/lib/domain/money";

/** An amount as the pay page shows it: with the currency code, which an overseas buyer cannot mistake ("USD 1,250.00"). */
export function payMoney(amountMinor: bigint, currency: string, locale: Locale): string {
  return formatMoney(amountMinor, currency, locale, { display: "code" });
}

/** A calendar date (YYYY-MM-DD) in the reader's language, e.g. "12 Jun 2026" / "2026年6月12日". */
export function payDate(isoDate: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${isoDate}T00:00:00Z`));
}
