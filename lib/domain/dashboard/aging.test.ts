import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../invoices/dates";
import { AGING_BUCKETS, agingBucket, agingByCurrency, bucketDueDates, daysPastDue } from "./aging";

const asOf = "2026-03-31";
const dueDaysAgo = (days: number) => addDays(asOf, -days);

describe("aging buckets at their boundaries", () => {
  it.each([
    [-5, "current"],
    [0, "current"],
    [1, "1_30"],
    [30, "1_30"],
    [31, "31_60"],
    [60, "31_60"],
    [61, "61_90"],
    [90, "61_90"],
    [91, "over_90"],
    [400, "over_90"],
  ] as const)("due %i days before the as-of date → %s", (days, bucket) => {
    expect(agingBucket(daysPastDue(dueDaysAgo(days), asOf))).toBe(bucket);
  });

  it("counts calendar days across month ends and a leap day", () => {
    expect(daysPastDue("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysPastDue("2026-01-31", "2026-03-02")).toBe(30);
    expect(agingBucket(daysPastDue("2026-01-31", "2026-03-03"))).toBe("31_60");
  });

  it("treats an instalment without a due date as current", () => {
    expect(daysPastDue(null, asOf)).toBe(0);
  });

  it("refuses a negative or fractional day count", () => {
    expect(() => agingBucket(-1)).toThrow(RangeError);
    expect(() => agingBucket(1.5)).toThrow(RangeError);
  });

  it("gives each bucket the due dates of its filtered list", () => {
    expect(bucketDueDates("current", asOf)).toEqual({ dueFrom: "2026-03-31", dueTo: null, includesNoDueDate: true });
    expect(bucketDueDates("1_30", asOf)).toEqual({ dueFrom: "2026-03-01", dueTo: "2026-03-30", includesNoDueDate: false });
    expect(bucketDueDates("31_60", asOf)).toEqual({ dueFrom: "2026-01-30", dueTo: "2026-02-28", includesNoDueDate: false });
    expect(bucketDueDates("61_90", asOf)).toEqual({ dueFrom: "2025-12-31", dueTo: "2026-01-29", includesNoDueDate: false });
    expect(bucketDueDates("over_90", asOf)).toEqual({ dueFrom: null, dueTo: "2025-12-30", includesNoDueDate: false });
  });

  it("property: a due date lies in its bucket's date range and in no other", () => {
    fc.assert(
      fc.property(fc.integer({ min: -60, max: 500 }), (days) => {
        const due = dueDaysAgo(days);
        const holding = AGING_BUCKETS.filter((bucket) => {
          const { dueFrom, dueTo } = bucketDueDates(bucket, asOf);
          return (dueFrom === null || due >= dueFrom) && (dueTo === null || due <= dueTo);
        });
        expect(holding).toEqual([agingBucket(daysPastDue(due, asOf))]);
      }),
    );
  });
});

describe("agingByCurrency", () => {
  const rows = [
    { currency: "USD", outstandingMinor: 1_000_000n, dueDate: dueDaysAgo(0) },
    { currency: "USD", outstandingMinor: 250_000n, dueDate: null },
    { currency: "EUR", outstandingMinor: 400_000n, dueDate: dueDaysAgo(30) },
    { currency: "USD", outstandingMinor: 300_000n, dueDate: dueDaysAgo(31) },
    { currency: "CNY", outstandingMinor: 5_000_000n, dueDate: dueDaysAgo(45) },
    { currency: "BRL", outstandingMinor: 90_000n, dueDate: dueDaysAgo(91) },
    { currency: "EUR", outstandingMinor: 0n, dueDate: dueDaysAgo(70) },
  ];
  const rates = new Map([
    ["USD", "7.1"],
    ["EUR", "7.8"],
  ]);

  it("sums each bucket by currency, with CNY equivalents of priced currencies", () => {
    const aging = agingByCurrency(rows, asOf, rates);
    expect(aging.buckets).toEqual([
      { bucket: "current", byCurrency: [{ currency: "USD", amountMinor: 1_250_000n, cnyMinor: 8_875_000n }], cnyMinor: 8_875_000n },
      { bucket: "1_30", byCurrency: [{ currency: "EUR", amountMinor: 400_000n, cnyMinor: 3_120_000n }], cnyMinor: 3_120_000n },
      {
        bucket: "31_60",
        byCurrency: [
          { currency: "CNY", amountMinor: 5_000_000n, cnyMinor: 5_000_000n },
          { currency: "USD", amountMinor: 300_000n, cnyMinor: 2_130_000n },
        ],
        cnyMinor: 7_130_000n,
      },
      { bucket: "61_90", byCurrency: [], cnyMinor: 0n },
      { bucket: "over_90", byCurrency: [{ currency: "BRL", amountMinor: 90_000n, cnyMinor: null }], cnyMinor: 0n },
    ]);
    expect(aging.currencies).toEqual(["BRL", "CNY", "EUR", "USD"]);
    expect(aging.unpriced).toEqual(["BRL"]);
    expect(aging.openCnyMinor).toBe(19_125_000n);
    expect(aging.overdueCnyMinor).toBe(10_250_000n);
  });

  it("property: the buckets hold every outstanding amount once", () => {
    const row = fc.record({
      currency: fc.constantFrom("USD", "EUR", "JPY"),
      outstandingMinor: fc.bigInt({ min: 0n, max: 10n ** 12n }),
      dueDate: fc.option(fc.integer({ min: -100, max: 400 }).map(dueDaysAgo)),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), (generated) => {
        const aging = agingByCurrency(generated, asOf);
        for (const currency of ["USD", "EUR", "JPY"]) {
          const inBuckets = aging.buckets.flatMap((b) => b.byCurrency).filter((a) => a.currency === currency).reduce((s, a) => s + a.amountMinor, 0n);
          const owed = generated.filter((r) => r.currency === currency).reduce((s, r) => s + r.outstandingMinor, 0n);
          expect(inBuckets).toBe(owed);
        }
      }),
    );
  });
});
