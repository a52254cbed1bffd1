import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ALL_CURRENCY_CODES, UnknownCurrencyError } from "./currency";
import { DEFAULT_ROUNDING, type RoundingMode, convertMinor, multiplyByRate, percentageOf } from "./rate";

describe("multiplyByRate", () => {
  it("rounds banker's style by default", () => {
    expect(DEFAULT_ROUNDING).toBe("half_even");
    expect(multiplyByRate(100000n, "0.006")).toBe(600n);
    expect(multiplyByRate(25n, "0.1")).toBe(2n);
    expect(multiplyByRate(35n, "0.1")).toBe(4n);
    expect(multiplyByRate(-25n, "0.1")).toBe(-2n);
    expect(multiplyByRate(26n, "0.1")).toBe(3n);
    expect(multiplyByRate(24n, "0.1")).toBe(2n);
  });

  it("rounds half away from zero with half_up", () => {
    expect(multiplyByRate(25n, "0.1", "half_up")).toBe(3n);
    expect(multiplyByRate(-25n, "0.1", "half_up")).toBe(-3n);
    expect(multiplyByRate(24n, "0.1", "half_up")).toBe(2n);
  });

  it("is exact for large amounts and long rates", () => {
    expect(multiplyByRate(2n ** 63n - 1n, "1")).toBe(2n ** 63n - 1n);
    expect(multiplyByRate(10n ** 30n + 1n, "0.000000000000000000000000000001")).toBe(1n);
    expect(multiplyByRate(-(2n ** 63n), "2")).toBe(-(2n ** 64n));
  });

  it.each(["", "abc", "NaN", "Infinity", "-Infinity", "1e3", ".5", "1.", " 1", "1,5", "0x10", "+1"])(
    "rejects rate %j",
    (rate) => {
      expect(() => multiplyByRate(100n, rate)).toThrow(SyntaxError);
    },
  );

  it("refuses products beyond the working precision rather than round twice", () => {
    expect(() => multiplyByRate(2n ** 63n - 1n, `0.${"3".repeat(45)}`)).toThrow(RangeError);
  });
});

describe("convertMinor", () => {
  it.each([
    [10000n, "USD", "JPY", "151.37", 15137n],
    [100n, "JPY", "USD", "0.0066", 66n],
    [1000n, "KWD", "USD", "3.2556", 326n],
    [10000n, "USD", "KWD", "0.3071", 30710n],
    [100000n, "USD", "CNY", "7.1234", 712340n],
    [-12345n, "CNY", "USD", "0.1404", -1733n],
    [3n, "CLF", "JPY", "5000", 2n],
    [5000n, "USD", "USD", "1", 5000n],
  ])("%s %s → %s at %s = %s", (amount, from, to, rate, expected) => {
    expect(convertMinor(amount, from, to, rate)).toBe(expected);
  });

  it("applies the rounding mode", () => {
    // 0.05 USD at 10 JPY = 0.5 JPY
    expect(convertMinor(5n, "USD", "JPY", "10")).toBe(0n);
    expect(convertMinor(5n, "USD", "JPY", "10", "half_up")).toBe(1n);
  });

  it("rejects non-positive rates and unknown currencies", () => {
    expect(() => convertMinor(100n, "USD", "EUR", "0")).toThrow(RangeError);
    expect(() => convertMinor(100n, "USD", "EUR", "-0.9")).toThrow(RangeError);
    expect(() => convertMinor(100n, "USD", "EUR", "NaN")).toThrow(SyntaxError);
    expect(() => convertMinor(100n, "USD", "XYZ", "1")).toThrow(UnknownCurrencyError);
  });
});

describe("percentageOf", () => {
  it("takes a percentage of an amount", () => {
    expect(percentageOf(100000n, "0.6")).toBe(600n);
    expect(percentageOf(100000n, "1")).toBe(1000n);
    expect(percentageOf(12345n, "50")).toBe(6172n);
    expect(percentageOf(12345n, "50", "half_up")).toBe(6173n);
    expect(percentageOf(-12345n, "50", "half_up")).toBe(-6173n);
    expect(() => percentageOf(100n, "5%")).toThrow(SyntaxError);
  });
});

/** A decimal string n / 10^scale, with its parts for exact checking. */
const rates = fc
  .tuple(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: 10 }))
  .map(([numerator, scale]) => {
    const digits = numerator.toString().padStart(scale + 1, "0");
    const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
    return { text, numerator, denominator: 10n ** BigInt(scale) };
  });
const tieProne = fc.constantFrom("0.5", "1.5", "2.5", "0.25", "0.125", "0.05").map((text) => {
  const [whole, fraction] = text.split(".") as [string, string];
  return { text, numerator: BigInt(whole + fraction), denominator: 10n ** BigInt(fraction.length) };
});
const amounts = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });

/** Exact rounding of n / d to the nearest integer by the given mode, as an oracle. */
function roundExact(n: bigint, d: bigint, mode: RoundingMode): bigint {
  const negative = n < 0n;
  const abs = negative ? -n : n;
  let quotient = abs / d;
  const twiceRemainder = 2n * (abs % d);
  if (twiceRemainder > d || (twiceRemainder === d && (mode === "half_up" || quotient % 2n === 1n))) {
    quotient += 1n;
  }
  return negative ? -quotient : quotient;
}

describe("rate properties", () => {
  it("property: multiplying by rate 1 is the identity", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), (amount) => {
        expect(multiplyByRate(amount, "1")).toBe(amount);
        expect(multiplyByRate(amount, "1.000")).toBe(amount);
      }),
      { numRuns: 300 },
    );
  });

  it("property: half_even and half_up differ only on exact .5 ties, by one unit", () => {
    fc.assert(
      fc.property(amounts, fc.oneof(rates, tieProne), (amount, rate) => {
        const even = multiplyByRate(amount, rate.text, "half_even");
        const up = multiplyByRate(amount, rate.text, "half_up");
        const product = amount * rate.numerator;
        expect(even).toBe(roundExact(product, rate.denominator, "half_even"));
        expect(up).toBe(roundExact(product, rate.denominator, "half_up"));
        const isTie = 2n * ((product < 0n ? -product : product) % rate.denominator) === rate.denominator;
        if (even !== up) {
          expect(isTie).toBe(true);
          expect(up - even).toBe(amount < 0n ? -1n : 1n);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("property: convertMinor is monotonic in the amount", () => {
    const currencies = fc.constantFrom(...ALL_CURRENCY_CODES);
    const modes = fc.constantFrom<RoundingMode>("half_even", "half_up");
    const positiveRates = rates.filter((rate) => rate.numerator > 0n);
    fc.assert(
      fc.property(currencies, currencies, positiveRates, amounts, amounts, modes, (from, to, rate, a, b, mode) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(convertMinor(low, from, to, rate.text, mode)).toBeLessThanOrEqual(
          convertMinor(high, from, to, rate.text, mode),
        );
      }),
      { numRuns: 500 },
    );
  });
});
