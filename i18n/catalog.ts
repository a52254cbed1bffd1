export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";
export const LOCALE_COOKIE = "NEXT_LOCALE";

/** One catalog file per area of the product, so that areas are edited independently. */
export const NAMESPACES = [
  "common",
  "errors",
  "auth",
  "account",
  "organization",
  "audit",
  "admin",
  "mailbox",
  "email",
  "balances",
  "kyb",
  "fx",
  "invoices",
  "collections",
  "pay",
  "statements",
  "matching",
  "exposure",
  "documents",
  "refunds",
] as const;

/** Error messages of an area live beside it in messages/LOCALE/errors/AREA.json and are merged into `errors`. */
export const ERROR_AREAS = ["invoices", "collections", "pay", "statements", "matching", "exposure", "documents", "refunds"] as const;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export async function loadMessages(locale: Locale): Promise<Record<string, Record<string, unknown>>> {
  const entries = await Promise.all(
    NAMESPACES.map(async (ns) => [ns, (await import(`../messages/${locale}/${ns}.json`)).default] as const),
  );
  const areaErrors = await Promise.all(
    ERROR_AREAS.map(async (area) => (await import(`../messages/${locale}/errors/${area}.json`)).default as Record<string, unknown>),
  );
  const messages: Record<string, Record<string, unknown>> = Object.fromEntries(entries);
  messages.errors = Object.assign({}, messages.errors, ...areaErrors);
  return messages;
}
