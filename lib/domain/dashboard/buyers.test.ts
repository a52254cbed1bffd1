import { describe, expect, it } from "vitest";
import { averageDays, buyerLateness, topBuyers, type BuyerOutstanding } from "./buyers";
import { quotientInTenths } from "./tenths";

const asOf = "2026-03-31";

describe("buyerLateness", () => {
  it("counts paid instalments by their payment date and open ones past due by the as-of date", () => {
    expect(
      buyerLateness(
        [
          { buyerId: "harbor-lights", dueDate: "2026-01-10", paidOn: "2026-01-25" }, // 15 late
          { buyerId: "harbor-lights", dueDate: "2026-02-10", paidOn: "2026-02-01" }, // early → 0
          { buyerId: "harbor-lights", dueDate: "2026-03-21", paidOn: null }, // open, 10 late
          { buyerId: "harbor-lights", dueDate: "2026-03-31", paidOn: null }, // due today: not counted
          { buyerId: "harbor-lights", dueDate: null, paidOn: null }, // waiting on the B/L: not counted
          { buyerId: "nordkap", dueDate: "2026-03-01", paidOn: "2026-03-01" }, // on time
        ],
        asOf,
      ),
    ).toEqual([
      { buyerId: "harbor-lights", lateDays: 25, instalments: 3 },
      { buyerId: "nordkap", lateDays: 0, instalments: 1 },
    ]);
  });
});

describe("topBuyers", () => {
  const buyer = (buyerId: string, name: string, cny: bigint): BuyerOutstanding => ({
    buyerId,
    name,
    outstanding: [{ currency: "USD", amountMinor: cny / 7n }],
    outstandingCnyMinor: cny,
  });

  it("ranks by CNY equivalent outstanding with each buyer's average days late", () => {
    const outstanding = [
      buyer("b1", "Nordkap Marine AS", 2_000_000n),
      buyer("b2", "Harbor Lights Inc.", 9_000_000n),
      buyer("b3", "Atlas Fixtures GmbH", 2_000_000n),
      buyer("b4", "Paid Up Ltd", 0n),
    ];
    const lateness = [
      { buyerId: "b2", lateDays: 25, instalments: 3 },
      { buyerId: "b1", lateDays: 0, instalments: 2 },
    ];
    expect(topBuyers(outstanding, lateness, 10).map((b) => [b.name, b.averageDaysLate])).toEqual([
      ["Harbor Lights Inc.", "8.3"],
      ["Atlas Fixtures GmbH", null],
      ["Nordkap Marine AS", "0.0"],
    ]);
    expect(topBuyers(outstanding, lateness, 1).map((b) => b.buyerId)).toEqual(["b2"]);
  });
});

describe("averages in tenths", () => {
  it("round half-even exactly", () => {
    expect(averageDays(25, 3)).toBe("8.3");
    expect(averageDays(1, 4)).toBe("0.2"); // 0.25
    expect(averageDays(3, 4)).toBe("0.8"); // 0.75
    expect(averageDays(5, 0)).toBeNull();
    expect(quotientInTenths(10n ** 30n, 3n)).toBe("333333333333333333333333333333.3");
    expect(() => quotientInTenths(-1n, 3n)).toThrow(RangeError);
  });
});
