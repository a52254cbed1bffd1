import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ALL_CURRENCY_CODES } from "./currency";
import { LOCALES, formatAmount, formatMoney } from "./format";
import { parseAmount } from "./parse";

const NBSP = "\u00A0";

describe("formatMoney", () => {
  it.each([
    [1250050n, "USD", "en", "$12,500.50"],
    [-5n, "USD", "zh-CN", "-US$0.05"],
    [1000n, "JPY", "en", "¥1,000"],
    [1000n, "JPY", "zh-CN", "JP¥1,000"],
    [1250050n, "CNY", "zh-CN", "¥12,500.50"],
    [1250050n, "CNY", "en", "CN¥12,500.50"],
    [-1234567n, "KWD", "zh-CN", `-KWD${NBSP}1,234.567`],
    // Intl's own data gives IQD no decimals; ISO 4217 gives it three.
    [1000n, "IQD", "en", `IQD${NBSP}1.000`],
  ] as const)("%s %s %s → %s", (minor, currency, locale, expected) => {
    expect(formatMoney(minor, currency, locale)).toBe(expected);
  });

  it("can show the code instead of the symbol", () => {
    expect(formatMoney(1250050n, "USD", "en", { display: "code" })).toBe(`USD${NBSP}12,500.50`);
    expect(formatMoney(-100n, "CNY", "zh-CN", { display: "code" })).toBe(`-CNY${NBSP}1.00`);
  });

  it("is exact beyond 2^53", () => {
    expect(formatMoney(2n ** 63n - 1n, "USD", "en")).toBe("$92,233,720,368,547,758.07");
    expect(formatMoney(-(10n ** 25n) - 1n, "CLF", "en")).toBe(
      `-CLF${NBSP}1,000,000,000,000,000,000,000.0001`,
    );
  });
});

describe("formatAmount", () => {
  it.each([
    [1250050n, "USD", "en", "12,500.50"],
    [-5n, "USD", "zh-CN", "-0.05"],
    [0n, "USD", "en", "0.00"],
    [1234567n, "JPY", "en", "1,234,567"],
    [1234567n, "KWD", "zh-CN", "1,234.567"],
    [1n, "CLF", "en", "0.0001"],
    [9007199254740993n, "JPY", "en", "9,007,199,254,740,993"],
  ] as const)("%s %s %s → %s", (minor, currency, locale, expected) => {
    expect(formatAmount(minor, currency, locale)).toBe(expected);
  });
});

describe("parseAmount reads back what formatting prints", () => {
  const anyCurrency = fc.constantFrom(...ALL_CURRENCY_CODES);
  const anyLocale = fc.constantFrom(...LOCALES);
  const anyMinor = fc.oneof(
    fc.bigInt({ min: -(2n ** 53n), max: 2n ** 53n }),
    fc.bigInt({ min: -100_000n, max: 100_000n }),
  );
  const everywhere = { allowNegative: true, allowZero: true };

  it("property: parse ∘ formatAmount is the identity", () => {
    fc.assert(
      fc.property(anyMinor, anyCurrency, anyLocale, (minor, currency, locale) => {
        expect(parseAmount(formatAmount(minor, currency, locale), currency, everywhere)).toEqual({
          ok: true,
          amountMinor: minor,
        });
      }),
      { numRuns: 500 },
    );
  });

  it("property: parse ∘ formatMoney is the identity, by symbol or code", () => {
    const anyDisplay = fc.constantFrom("symbol" as const, "code" as const);
    fc.assert(
      fc.property(anyMinor, anyCurrency, anyLocale, anyDisplay, (minor, currency, locale, display) => {
        const text = formatMoney(minor, currency, locale, { display });
        expect(parseAmount(text, currency, everywhere)).toEqual({ ok: true, amountMinor: minor });
      }),
      { numRuns: 500 },
    );
  });

  it("reads back every currency's symbol in both locales", () => {
    for (const currency of ALL_CURRENCY_CODES) {
      for (const locale of LOCALES) {
        const text = formatMoney(-123456789n, currency, locale);
        expect(parseAmount(text, currency, everywhere), text).toEqual({
          ok: true,
          amountMinor: -123456789n,
        });
      }
    }
  });
});
