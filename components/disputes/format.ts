import type { Locale } from "@/i18n/catalog";
import { formatMoney } from "@/lib/domain/money";

/** An amount with its currency code, which nobody on either side of the case can mistake ("USD 1,250.00"). */
export function caseMoney(amountMinor: bigint, currency: string, locale: Locale): string {
  return formatMoney(amountMinor, currency, locale, { display: "code" });
}

/**
 * A moment of the case with the time zone named: the factory reads its own zone, staff read China time, the buyer
 * (abroad, zone unknown) reads UTC.
 */
export function caseTime(at: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(at);
}

/** The zone staff pages show times in: the platform operates from China. */
export const STAFF_TIME_ZONE = "Asia/Shanghai";
/** The buyer's page cannot know the buyer's zone. */
export const BUYER_TIME_ZONE = "UTC";
