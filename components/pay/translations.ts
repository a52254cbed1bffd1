import { cache } from "react";
import { createTranslator } from "next-intl";
import { loadMessages, type Locale } from "@/i18n/catalog";

export type PayTranslate = (key: string, values?: Record<string, string | number>) => string;

/**
 * The buyer-facing pages choose their language per request (cookie, else the browser's Accept-Language), which may
 * differ from the app's cookie-only request locale; so their catalogs are loaded for that language explicitly.
 */
export const payMessages = cache((locale: Locale) => loadMessages(locale));

export async function payTranslations(locale: Locale, namespace: string): Promise<PayTranslate> {
  const translate = createTranslator({ locale, messages: await payMessages(locale), namespace: namespace as never });
  return (key, values) => translate(key as never, values as never);
}
