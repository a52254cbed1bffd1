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
  "account-statements",
  "refunds",
  "fees",
  "disputes",
  "dashboard",
  "payouts",
  "settlement",
] as const;

/** Error messages of an area live beside it in messages/LOCALE/errors/AREA.json and are merged into `errors`. */
export const ERROR_AREAS = ["invoices", "collections", "pay", "statements", "matching", "exposure", "documents", "refunds", "fees", "account-statements", "disputes", "payouts", "settlement"] as const;

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
  messages.errors = areaErrors.reduce(mergeCatalogs, messages.errors ?? {});
  return messages;
}

type Catalog = Record<string, unknown>;

/** Merges nested groups key by key (an area may add `validation.*` messages beside the shared ones). */
function mergeCatalogs(into: Catalog, from: Catalog): Catalog {
  const merged: Catalog = { ...into };
  for (const [key, value] of Object.entries(from)) {
    const existing = merged[key];
    const bothGroups = typeof value === "object" && value !== null && typeof existing === "object" && existing !== null;
    merged[key] = bothGroups ? mergeCatalogs(existing as Catalog, value as Catalog) : value;
  }
  return merged;
}
