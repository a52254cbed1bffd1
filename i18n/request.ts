import { getRequestConfig } from "next-intl/server";
import { cookies } from "next/headers";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, loadMessages } from "./catalog";

// A locale passed explicitly (getTranslations({ locale })) wins over the visitor's cookie.
export default getRequestConfig(async ({ locale: explicit }) => {
  const requested = explicit ?? (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(requested) ? requested : DEFAULT_LOCALE;
  return { locale, messages: await loadMessages(locale), timeZone: "Asia/Shanghai" };
});
