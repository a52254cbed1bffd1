import type { Locale } from "@/i18n/catalog";
import { payTranslations, type PayTranslate } from "@/components/pay/translations";

export type Translate = PayTranslate;

/**
 * The `disputes` catalog in an explicit language. The buyer's page picks its language per request (like the pay
 * page), so the components it shares with the signed-in pages are handed the locale rather than reading the
 * request's.
 */
export function disputeTranslations(locale: Locale, namespace = "disputes"): Promise<Translate> {
  return payTranslations(locale, namespace);
}
