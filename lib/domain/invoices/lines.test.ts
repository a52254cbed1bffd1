import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lineAmountMinor, parseQuantity, parseUnitPrice } from "./lines";
import { invoiceTotals } from "./totals";

describe("line amounts", () => {
  it.each([
    ["1000", "0.0125", "USD", 1250n],
    ["3", "0.005", "USD", 2n], // 0.015 → 0.02 half-up
    ["1", "0.00499", "USD", 0n],
    ["1", "0.005", "USD", 1n],
    ["2.5", "1.25", "USD", 313n], // 3.125 → 3.13
    ["12.345", "7.8901", "EUR", 9740n], // 97.4033... → 97.40
    ["7", "1250.5", "JPY", 8754n], // 8753.5 → 8754
    ["0.001", "0.0001", "GBP", 0n],
    ["480", "3.85", "USD", 184800n],
  ])("%s × %s %s = %s minor units", (quantity, price, currency, expected) => {
    expect(lineAmountMinor(quantity, price, currency)).toBe(expected);
  });

  it("matches exact integer arithmetic with half-up rounding", () => {
    const arbitrary = fc.record({
      qMilli: fc.bigInt({ min: 1n, max: 10n ** 12n }),
      pTenThousandthCents: fc.bigInt({ min: 0n, max: 10n ** 12n }),
    });
    fc.assert(
      fc.property(arbitrary, ({ qMilli, pTenThousandthCents }) => {
        const quantity = `${qMilli / 1000n}.${String(qMilli % 1000n).padStart(3, "0")}`;
        const price = `${pTenThousandthCents / 1_000_000n}.${String(pTenThousandthCents % 1_000_000n).padStart(6, "0")}`;
        // product in units of 1e-9 of a dollar = 1e-7 cent; half-up to cents.
        const scaled = qMilli * pTenThousandthCents;
        const expected = (scaled + 5_000_000n) / 10_000_000n;
        expect(lineAmountMinor(quantity, price, "USD")).toBe(expected);
      }),
    );
  });
});

describe("parsing quantities and prices", () => {
  it("reads quantities with up to three decimals and grouping", () => {
    expect(parseQuantity("1,200.5")).toEqual({ ok: true, value: "1200.5" });
    expect(parseQuantity("１２")).toEqual({ ok: true, value: "12" });
    expect(parseQuantity("0.375")).toEqual({ ok: true, value: "0.375" });
    expect(parseQuantity("0.3755")).toEqual({ ok: false, error: "too_many_decimals" });
    expect(parseQuantity("0")).toEqual({ ok: false, error: "zero" });
    expect(parseQuantity("-1")).toEqual({ ok: false, error: "format" });
    expect(parseQuantity("")).toEqual({ ok: false, error: "required" });
    expect(parseQuantity("1e3")).toEqual({ ok: false, error: "format" });
  });

  it("allows unit prices four places finer than the currency", () => {
    expect(parseUnitPrice("0.012500", "USD")).toEqual({ ok: true, value: "0.0125" });
    expect(parseUnitPrice("0.0000001", "USD")).toEqual({ ok: false, error: "too_many_decimals" });
    expect(parseUnitPrice("12.5", "JPY")).toEqual({ ok: true, value: "12.5" });
    expect(parseUnitPrice("12.00001", "JPY")).toEqual({ ok: false, error: "too_many_decimals" });
    expect(parseUnitPrice("0", "EUR")).toEqual({ ok: true, value: "0" });
  });
});

describe("invoice totals", () => {
  it("rounds each line, then adds charges and takes off the discount", () => {
    const totals = invoiceTotals(
      "USD",
      [
        { quantity: "1000", unitPrice: "0.0125" },
        { quantity: "3", unitPrice: "0.005" },
      ],
      { discountMinor: 500n, freightMinor: 12_000n, insuranceMinor: 350n, otherChargesMinor: 0n },
    );
    expect(totals.lineAmountsMinor).toEqual([1250n, 2n]);
    expect(totals.subtotalMinor).toBe(1252n);
    expect(totals.totalMinor).toBe(1252n - 500n + 12_000n + 350n);
  });
});
