import { createTranslator } from "next-intl";
import { loadMessages, type Locale } from "@/i18n/catalog";

/** Catalog keys are built at run time here (error codes, template names), so the translator is typed by string. */
export interface Translate {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

export async function translator(locale: Locale, namespace?: string): Promise<Translate> {
  const messages = await loadMessages(locale);
  return createTranslator({ locale, messages, namespace }) as unknown as Translate;
}

export function errorTranslator(locale: Locale): Promise<Translate> {
  return translator(locale, "errors");
}
