import type { z } from "zod";

type Search = Record<string, string | string[] | undefined>;

/** A page's search params parsed by `schema`; anything malformed falls back to the schema's defaults. */
export function parseSearch<S extends z.ZodType>(schema: S, search: Search): z.output<S> {
  const single = Object.fromEntries(Object.entries(search).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  const parsed = schema.safeParse(single);
  return parsed.success ? parsed.data : schema.parse({});
}

/** `?a=1&b=2` for the non-empty values, after applying `overrides`; "" when nothing is left. */
export function searchString<T extends Record<string, string>>(values: T, overrides: Partial<T> = {}): string {
  const merged = { ...values, ...overrides };
  const params = new URLSearchParams(Object.entries(merged).filter(([, value]) => value) as [string, string][]);
  const text = params.toString();
  return text ? `?${text}` : "";
}
