import { describe, expect, it } from "vitest";
import { loadMessages } from "@/i18n/catalog";

function keys(catalog: unknown, prefix = ""): string[] {
  if (typeof catalog !== "object" || catalog === null) return [prefix];
  return Object.entries(catalog).flatMap(([key, value]) => keys(value, prefix ? `${prefix}.${key}` : key));
}

describe("message catalogs", () => {
  it("say the same things in Chinese and English", async () => {
    const [zh, en] = await Promise.all([loadMessages("zh-CN"), loadMessages("en")]);
    const zhKeys = new Set(keys(zh));
    const enKeys = new Set(keys(en));
    expect([...enKeys].filter((key) => !zhKeys.has(key))).toEqual([]);
    expect([...zhKeys].filter((key) => !enKeys.has(key))).toEqual([]);
  });

  it("keep the shared error messages when an area adds its own", async () => {
    const en = await loadMessages("en");
    const errors = en.errors as Record<string, unknown>;
    expect(errors.internal_error).toEqual(expect.any(String));
    expect(errors.invoice_not_found).toEqual(expect.any(String));
    expect(Object.keys(errors.validation as object).length).toBeGreaterThan(0);
  });
});
