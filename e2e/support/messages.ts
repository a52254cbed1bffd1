import { readFileSync } from "node:fs";
import path from "node:path";

export type Locale = "en" | "zh-CN";

const cache = new Map<string, unknown>();

/**
 * A string from the app's message catalogs, e.g. `msg("en", "common.nav.members")`, so that selectors follow the
 * copy the app really shows. ICU placeholders are filled from `values` (plain `{name}` only).
 */
export function msg(locale: Locale, key: string, values: Record<string, string | number> = {}): string {
  const [namespace, ...rest] = key.split(".");
  const file = path.resolve(process.cwd(), "messages", locale, `${namespace}.json`);
  if (!cache.has(file)) cache.set(file, JSON.parse(readFileSync(file, "utf8")));
  let node: unknown = cache.get(file);
  for (const part of rest) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== "string") throw new Error(`no message ${locale}:${key}`);
  return node.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The English catalog, which every test but the language switch uses. */
export const en = (key: string, values?: Record<string, string | number>) => msg("en", key, values);
