import { describe, expect, it } from "vitest";
import { feesSeries, lastMonths, monthlySeries, seriesByCurrency } from "./monthly";

describe("lastMonths", () => {
  it("ends with the as-of month and crosses the year", () => {
    expect(lastMonths("2026-03-15")).toEqual([
      "2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09",
      "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03",
    ]);
    expect(lastMonths("2026-01-01", 2)).toEqual(["2025-12", "2026-01"]);
    expect(() => lastMonths("2026-01-01", 0)).toThrow(RangeError);
  });
});

describe("seriesByCurrency", () => {
  it("fills missing months with zero for every currency and leaves out months outside the window", () => {
    const series = seriesByCurrency(
      [
        { month: "2026-03", currency: "USD", amountMinor: 500_00n },
        { month: "2026-03", currency: "USD", amountMinor: 250_00n },
        { month: "2026-01", currency: "EUR", amountMinor: 120_00n },
        { month: "2025-03", currency: "GBP", amountMinor: 999_00n },
      ],
      "2026-03-31",
      3,
    );
    expect(series).toEqual({
      months: ["2026-01", "2026-02", "2026-03"],
      keys: ["EUR", "USD"],
      points: [
        { month: "2026-01", amounts: { EUR: 120_00n, USD: 0n } },
        { month: "2026-02", amounts: { EUR: 0n, USD: 0n } },
        { month: "2026-03", amounts: { EUR: 0n, USD: 750_00n } },
      ],
    });
  });

  it("gives twelve months and no series when nothing happened", () => {
    const series = seriesByCurrency([], "2026-03-31");
    expect(series.points).toHaveLength(12);
    expect(series.keys).toEqual([]);
    expect(series.points.every((point) => Object.keys(point.amounts).length === 0)).toBe(true);
  });

  it("refuses a malformed month", () => {
    expect(() => monthlySeries([{ month: "2026-13", key: "USD", amountMinor: 1n }], "2026-03-31")).toThrow(RangeError);
  });
});

describe("feesSeries", () => {
  it("sums fees by type per month in CNY", () => {
    const series = feesSeries(
      [
        { month: "2026-02", type: "collection", amountCnyMinor: 4_260n },
        { month: "2026-02", type: "collection", amountCnyMinor: 1_000n },
        { month: "2026-03", type: "chargeback", amountCnyMinor: 10_650n },
      ],
      "2026-03-01",
      2,
    );
    expect(series.points).toEqual([
      { month: "2026-02", amounts: { chargeback: 0n, collection: 5_260n } },
      { month: "2026-03", amounts: { chargeback: 10_650n, collection: 0n } },
    ]);
  });
});
