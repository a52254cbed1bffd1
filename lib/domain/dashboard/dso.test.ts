import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DSO_FORMULA, dso, dsoPeriod } from "./dso";

describe("DSO", () => {
  it("is open receivables ÷ credit sales × days in the period", () => {
    // CNY 1,500,000 owed against CNY 3,000,000 sold in 90 days → 45 days
    expect(dso({ openReceivablesCnyMinor: 150_000_000n, creditSalesCnyMinor: 300_000_000n, periodDays: 90 })).toEqual({ kind: "days", days: "45.0" });
    expect(dso({ openReceivablesCnyMinor: 100n, creditSalesCnyMinor: 300n, periodDays: 90 })).toEqual({ kind: "days", days: "30.0" });
    expect(dso({ openReceivablesCnyMinor: 100n, creditSalesCnyMinor: 700n, periodDays: 90 })).toEqual({ kind: "days", days: "12.9" });
  });

  it("can exceed the period when receivables outgrow sales, and is zero with nothing owed", () => {
    expect(dso({ openReceivablesCnyMinor: 500n, creditSalesCnyMinor: 100n, periodDays: 90 })).toEqual({ kind: "days", days: "450.0" });
    expect(dso({ openReceivablesCnyMinor: 0n, creditSalesCnyMinor: 100n, periodDays: 90 })).toEqual({ kind: "days", days: "0.0" });
  });

  it("rounds the tenth half-even", () => {
    // 1 × 1 ÷ 4 = 0.25 → 0.2; 3 × 1 ÷ 4 = 0.75 → 0.8
    expect(dso({ openReceivablesCnyMinor: 1n, creditSalesCnyMinor: 4n, periodDays: 1 })).toEqual({ kind: "days", days: "0.2" });
    expect(dso({ openReceivablesCnyMinor: 3n, creditSalesCnyMinor: 4n, periodDays: 1 })).toEqual({ kind: "days", days: "0.8" });
  });

  it("has no figure for a period without credit sales", () => {
    expect(dso({ openReceivablesCnyMinor: 5_000n, creditSalesCnyMinor: 0n, periodDays: 90 })).toEqual({ kind: "no_credit_sales" });
    expect(dso({ openReceivablesCnyMinor: 0n, creditSalesCnyMinor: 0n, periodDays: 90 })).toEqual({ kind: "no_credit_sales" });
  });

  it("refuses negative amounts and empty periods", () => {
    expect(() => dso({ openReceivablesCnyMinor: -1n, creditSalesCnyMinor: 1n, periodDays: 90 })).toThrow(RangeError);
    expect(() => dso({ openReceivablesCnyMinor: 1n, creditSalesCnyMinor: 1n, periodDays: 0 })).toThrow(RangeError);
  });

  it("is exact beyond the range of a float", () => {
    const huge = 10n ** 20n + 1n;
    expect(dso({ openReceivablesCnyMinor: huge, creditSalesCnyMinor: huge, periodDays: 90 })).toEqual({ kind: "days", days: "90.0" });
  });

  it("property: within half a tenth of the exact quotient", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.bigInt({ min: 1n, max: 10n ** 15n }), fc.integer({ min: 1, max: 366 }), (receivables, sales, days) => {
        const result = dso({ openReceivablesCnyMinor: receivables, creditSalesCnyMinor: sales, periodDays: days });
        if (result.kind !== "days") throw new Error("expected days");
        const tenths = BigInt(result.days.replace(".", ""));
        // |tenths/10 − r·d/s| ≤ 1/20  ⇔  |20·tenths·s − 200·r·d| ≤ 10·s
        const gap = 20n * tenths * sales - 200n * receivables * BigInt(days);
        expect(gap <= 10n * sales && -gap <= 10n * sales).toBe(true);
      }),
    );
  });

  it("covers the 90 days ending on the as-of date", () => {
    expect(dsoPeriod("2026-03-31")).toEqual({ from: "2026-01-01", to: "2026-03-31", days: 90 });
    expect(dsoPeriod("2026-03-31", 1)).toEqual({ from: "2026-03-31", to: "2026-03-31", days: 1 });
  });

  it("explains its formula in both languages", () => {
    expect(DSO_FORMULA.en).toContain("÷ credit sales");
    expect(DSO_FORMULA["zh-CN"]).toContain("期内天数");
  });
});
