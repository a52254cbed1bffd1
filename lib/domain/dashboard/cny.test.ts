import { describe, expect, it } from "vitest";
import { agingSlug, AGING_BUCKETS, bucketOfSlug } from "./aging";
import { lateFromAggregates } from "./buyers";
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

describe("lateness from the aggregates", () => {
  it("adds open past-due instalments to what paid ones took, by the same rules as buyerLateness", () => {
    expect(
      lateFromAggregates(
        [
          { buyerId: "b1", dueDate: "2026-03-21", instalments: 2 }, // 10 days each
          { buyerId: "b1", dueDate: "2026-03-31", instalments: 1 }, // due today: not counted
          { buyerId: "b1", dueDate: null, instalments: 3 }, // waiting on the B/L: not counted
          { buyerId: "b2", dueDate: "2026-04-10", instalments: 1 }, // not yet due
        ],
        [{ buyerId: "b1", lateDays: 15, instalments: 3 }],
        "2026-03-31",
      ),
    ).toEqual([{ buyerId: "b1", lateDays: 35, instalments: 5 }]);
  });
});

describe("aging buckets in a URL", () => {
  it("round-trips every bucket through its slug and refuses others", () => {
    expect(AGING_BUCKETS.map(agingSlug)).toEqual(["current", "1-30", "31-60", "61-90", "over-90"]);
    for (const bucket of AGING_BUCKETS) expect(bucketOfSlug(agingSlug(bucket))).toBe(bucket);
    expect(bucketOfSlug("31_60")).toBeNull();
  });
});
