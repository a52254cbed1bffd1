import type { Locale } from "@/i18n/catalog";

/** What the guard knows about the caller before it authenticates anyone. */
export interface RequestContext {
  sessionId: string | null;
  ip: string | null;
  userAgent: string | null;
  locale: Locale;
}
