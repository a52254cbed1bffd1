import { describe, expect, it } from "vitest";
import { agingSlug, AGING_BUCKETS, bucketOfSlug } from "./aging";
import { sumLateness } from "./buyers";
import { cnyTotal } from "./cny";

describe("cnyTotal", () => {
  it("sums per currency, values each at its mid rate half-even, and names what has no rate", () => {
    const total = cnyTotal(
      [
        { currency: "USD", amountMinor: 2n },
        { currency: "USD", amountMinor: 4n },
        { currency: "CNY", amountMinor: 100n },
        { currency: "BRL", amountMinor: 500n },
        { currency: "EUR", amountMinor: 10n },
        { currency: "EUR", amountMinor: -10n },
      ],
      new Map([
        ["USD", "7.25"],
        ["EUR", "7.8"],
      ]),
    );
    // 6 cents × 7.25 = 43.5 fen → 44 (half-even to the even neighbour)
    expect(total.byCurrency).toEqual([
      { currency: "BRL", amountMinor: 500n, cnyMinor: null },
      { currency: "CNY", amountMinor: 100n, cnyMinor: 100n },
      { currency: "USD", amountMinor: 6n, cnyMinor: 44n },
    ]);
    expect(total.cnyMinor).toBe(144n);
    expect(total.unpriced).toEqual(["BRL"]);
  });
});

describe("lateness from several sources", () => {
  it("adds each buyer's days and instalments, leaving out buyers with none counted", () => {
    expect(
      sumLateness(
        [{ buyerId: "b1", lateDays: 15, instalments: 3 }],
        [
          { buyerId: "b1", lateDays: 20, instalments: 2 },
          { buyerId: "b2", lateDays: 0, instalments: 0 },
          { buyerId: "b3", lateDays: 0, instalments: 1 },
        ],
      ),
    ).toEqual([
      { buyerId: "b1", lateDays: 35, instalments: 5 },
      { buyerId: "b3", lateDays: 0, instalments: 1 },
    ]);
  });
});

describe("aging buckets in a URL", () => {
  it("round-trips every bucket through its slug and refuses others", () => {
    expect(AGING_BUCKETS.map(agingSlug)).toEqual(["current", "1-30", "31-60", "61-90", "over-90"]);
    for (const bucket of AGING_BUCKETS) expect(bucketOfSlug(agingSlug(bucket))).toBe(bucket);
    expect(bucketOfSlug("31_60")).toBeNull();
  });
});
