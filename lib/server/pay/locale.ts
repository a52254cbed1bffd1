import "server-only";
import { cookies, headers } from "next/headers";
import { isLocale, LOCALE_COOKIE, type Locale } from "@/i18n/catalog";

/**
 * The pay page's language: the language switch's cookie when set, otherwise the buyer's browser (an overseas
 * buyer has no account to say so): Chinese when Chinese comes first among the languages it accepts, else English.
 */
export async function payLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return browserLocale((await headers()).get("accept-language"));
}

/** Chinese when the browser ranks some Chinese above any English, else English (the buyers are overseas). */
export function browserLocale(acceptLanguage: string | null): Locale {
  return prefersChinese(acceptLanguage) ? "zh-CN" : "en";
}

function prefersChinese(acceptLanguage: string | null): boolean {
  if (!acceptLanguage) return false;
  const ranked = acceptLanguage
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.toLowerCase(), q: q === undefined ? 1 : Number(q) };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  const first = ranked.find((entry) => entry.tag.startsWith("zh") || entry.tag.startsWith("en"));
  return first?.tag.startsWith("zh") ?? false;
}
