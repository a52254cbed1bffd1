import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ALL_CURRENCY_CODES, UnknownCurrencyError } from "./currency";
import {
  CurrencyMismatchError,
  add,
  assertSameCurrency,
  compare,
  fromDecimalString,
  isNegative,
  isZero,
  money,
  negate,
  subtract,
  sum,
  toDecimalString,
} from "./money";

const usd = (minor: bigint) => money(minor, "USD");
const anyCurrency = fc.constantFrom(...ALL_CURRENCY_CODES);
const anyMinor = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });

describe("money", () => {
  it("holds a bigint amount and a known currency", () => {
    expect(money(1250050n, "USD")).toEqual({ amountMinor: 1250050n, currency: "USD" });
    expect(() => money(1n, "XYZ")).toThrow(UnknownCurrencyError);
    expect(() => money(1.5 as unknown as bigint, "USD")).toThrow(TypeError);
  });

  it("adds, subtracts and negates", () => {
    expect(add(usd(150n), usd(-50n))).toEqual(usd(100n));
    expect(subtract(usd(150n), usd(200n))).toEqual(usd(-50n));
    expect(negate(usd(5n))).toEqual(usd(-5n));
  });

  it("sums in one currency, the empty sum being zero", () => {
    expect(sum("USD", [usd(1n), usd(2n), usd(3n)])).toEqual(usd(6n));
    expect(sum("JPY", [])).toEqual(money(0n, "JPY"));
    expect(() => sum("USD", [usd(1n), money(1n, "EUR")])).toThrow(CurrencyMismatchError);
    expect(() => sum("EUR", [usd(1n)])).toThrow(CurrencyMismatchError);
  });

  it("compares and tests sign", () => {
    expect(compare(usd(1n), usd(2n))).toBe(-1);
    expect(compare(usd(2n), usd(2n))).toBe(0);
    expect(compare(usd(3n), usd(2n))).toBe(1);
    expect(isZero(usd(0n))).toBe(true);
    expect(isZero(usd(1n))).toBe(false);
    expect(isNegative(usd(-1n))).toBe(true);
    expect(isNegative(usd(0n))).toBe(false);
  });

  it("reports a mismatch with code currency_mismatch", () => {
    expect(() => assertSameCurrency(usd(1n), money(1n, "CNY"))).toThrow(CurrencyMismatchError);
    expect(() => add(usd(1n), money(1n, "CNY"))).toThrow(
      expect.objectContaining({ code: "currency_mismatch", expected: "USD", actual: "CNY" }),
    );
  });

  it("property: subtract undoes add", () => {
    fc.assert(
      fc.property(anyCurrency, anyMinor, anyMinor, (currency, a, b) => {
        const x = money(a, currency);
        const y = money(b, currency);
        expect(subtract(add(x, y), y)).toEqual(x);
        expect(add(subtract(x, y), y)).toEqual(x);
      }),
      { numRuns: 300 },
    );
  });

  it("property: every binary operation refuses mixed currencies", () => {
    const twoCurrencies = fc
      .tuple(anyCurrency, anyCurrency)
      .filter(([a, b]) => a !== b);
    fc.assert(
      fc.property(twoCurrencies, anyMinor, anyMinor, ([c1, c2], a, b) => {
        const x = money(a, c1);
        const y = money(b, c2);
        expect(() => add(x, y)).toThrow(CurrencyMismatchError);
        expect(() => subtract(x, y)).toThrow(CurrencyMismatchError);
        expect(() => compare(x, y)).toThrow(CurrencyMismatchError);
        expect(() => sum(c1, [x, y])).toThrow(CurrencyMismatchError);
      }),
      { numRuns: 300 },
    );
  });
});

describe("decimal strings", () => {
  it.each([
    [1250050n, "USD", "12500.50"],
    [-5n, "USD", "-0.05"],
    [0n, "USD", "0.00"],
    [1000n, "JPY", "1000"],
    [-1000n, "JPY", "-1000"],
    [1n, "KWD", "0.001"],
    [123456n, "CLF", "12.3456"],
  ])("%s %s ↔ %s", (minor, currency, text) => {
    expect(toDecimalString(minor, currency)).toBe(text);
    expect(fromDecimalString(text, currency)).toBe(minor);
  });

  it("reads fewer decimals than the currency has", () => {
    expect(fromDecimalString("12.5", "USD")).toBe(1250n);
    expect(fromDecimalString("7", "KWD")).toBe(7000n);
    expect(fromDecimalString("-0", "USD")).toBe(0n);
  });

  it("throws on too many decimals or a malformed string", () => {
    expect(() => fromDecimalString("0.001", "USD")).toThrow(RangeError);
    expect(() => fromDecimalString("1000.0", "JPY")).toThrow(RangeError);
    for (const bad of ["", "1,000.00", "1e3", ".5", "5.", "+5", " 5", "NaN", "Infinity", "0x10"]) {
      expect(() => fromDecimalString(bad, "USD"), bad).toThrow(SyntaxError);
    }
    expect(() => toDecimalString(1n, "XYZ")).toThrow(UnknownCurrencyError);
  });

  it("property: fromDecimalString inverts toDecimalString", () => {
    fc.assert(
      fc.property(anyCurrency, fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), (currency, minor) => {
        expect(fromDecimalString(toDecimalString(minor, currency), currency)).toBe(minor);
      }),
      { numRuns: 500 },
    );
  });
});
