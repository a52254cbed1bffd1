import { auditFilterSchema, type AuditFilter } from "./queries";

/** The filter in a page's search params; anything malformed is dropped rather than failing the page. */
export function auditFilterFromSearch(search: Record<string, string | string[] | undefined>): AuditFilter {
  const single = Object.fromEntries(Object.entries(search).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  const parsed = auditFilterSchema.safeParse(single);
  return parsed.success ? parsed.data : auditFilterSchema.parse({});
}

export function auditSearchString(filter: AuditFilter, overrides: Partial<AuditFilter> = {}): string {
  const merged = { ...filter, ...overrides };
  const params = new URLSearchParams(Object.entries(merged).filter(([, value]) => value) as [string, string][]);
  const text = params.toString();
  return text ? `?${text}` : "";
}
