import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RateBook } from "../fx/rates";
import { localDateOf } from "../time/local-day";
import { cnyRates, compareBuckets, computeExposure, dueBucket, percentOf, type CnyRate, type DueBucketKey } from ".";

const AS_OF = new Date("2026-03-10T15:00:00Z");
const fresh = (mid: string, source = "ecb"): CnyRate => ({ status: "fresh", mid, asOf: AS_OF, source });
const TODAY = "2026-03-11";

describe("CNY equivalents", () => {
  it("converts each currency at its own minor units and rounds half-even to the fen", () => {
    const exposure = computeExposure({
      receivables: [
        // 0.02 USD × 7.25 = 14.5 fen → 14 (even); 0.06 USD → 43.5 fen → 44 (even)
        { currency: "USD", outstandingMinor: 2n, dueDate: "2026-04-01" },
        // JPY has no minor units: 5 yen × 0.047 = 23.5 fen → 24
        { currency: "JPY", outstandingMinor: 5n, dueDate: "2026-04-01" },
        // KWD has three: 1 fils × 23.45 = 2.345 fen → 2
        { currency: "KWD", outstandingMinor: 1n, dueDate: "2026-04-01" },
      ],
      balances: [
        { currency: "USD", amountMinor: 6n },
        { currency: "JPY", amountMinor: 15n },
      ],
      rates: new Map([
        ["USD", fresh("7.25")],
        ["JPY", fresh("0.047")],
        ["KWD", fresh("23.45")],
      ]),
      today: TODAY,
    });
    const byCurrency = Object.fromEntries(exposure.currencies.map((row) => [row.currency, row.cny]));
    expect(byCurrency.USD).toEqual({ receivablesMinor: 14n, balancesMinor: 44n, totalMinor: 58n });
    // 15 yen × 0.047 = 70.5 fen → 70 (even)
    expect(byCurrency.JPY).toEqual({ receivablesMinor: 24n, balancesMinor: 70n, totalMinor: 94n });
    expect(byCurrency.KWD).toEqual({ receivablesMinor: 2n, balancesMinor: 0n, totalMinor: 2n });
    expect(exposure.totals).toEqual({ receivablesMinor: 40n, balancesMinor: 114n, totalMinor: 154n });
    expect(exposure.currencies.map((row) => row.currency)).toEqual(["JPY", "USD", "KWD"]);
    expect(exposure.currencies.map((row) => row.sharePercent)).toEqual(["61.04", "37.66", "1.30"]);
  });

  it("values a realistic book: USD 70 % balance of an order, EUR deposit, with balances of every kind summed", () => {
    const exposure = computeExposure({
      receivables: [
        { currency: "USD", outstandingMinor: 4_375_000n, dueDate: "2026-05-20" },
        { currency: "EUR", outstandingMinor: 1_260_000n, dueDate: "2026-03-25" },
      ],
      balances: [
        { currency: "USD", amountMinor: 1_000_000n },
        { currency: "USD", amountMinor: 25_050n },
        { currency: "USD", amountMinor: -5_000n },
        { currency: "CNY", amountMinor: 88_000_00n },
      ],
      rates: new Map([
        ["USD", fresh("7.10837651122625216")],
        ["EUR", fresh("8.2315")],
      ]),
      today: TODAY,
    });
    const usd = exposure.currencies.find((row) => row.currency === "USD")!;
    expect(usd).toMatchObject({ receivablesMinor: 4_375_000n, balancesMinor: 1_020_050n, totalMinor: 5_395_050n });
    // 4,375,000 cents × 7.10837651122625216 = 31,099,147.2366… fen; 1,020,050 cents → 7,250,899.4602… fen
    expect(usd.cny).toEqual({ receivablesMinor: 31_099_147n, balancesMinor: 7_250_899n, totalMinor: 38_350_046n });
    expect(exposure.home).toEqual({ receivablesMinor: 0n, balancesMinor: 88_000_00n });
    expect(exposure.currencies.map((row) => row.currency)).not.toContain("CNY");
    expect(exposure.ratesAsOf).toEqual(AS_OF);
    expect(exposure.rateSources).toEqual(["ecb"]);
  });

  it("reports currencies without a fresh rate instead of dropping them, and leaves them out of the totals", () => {
    const exposure = computeExposure({
      receivables: [
        { currency: "USD", outstandingMinor: 100_00n, dueDate: "2026-04-01" },
        { currency: "SGD", outstandingMinor: 500_00n, dueDate: "2026-04-01" },
        { currency: "AED", outstandingMinor: 300_00n, dueDate: null },
      ],
      balances: [],
      rates: new Map<string, CnyRate>([
        ["USD", fresh("7.2")],
        ["SGD", { status: "stale", mid: "5.3", asOf: new Date("2026-02-01T15:00:00Z"), source: "ecb" }],
      ]),
      today: TODAY,
    });
    expect(exposure.unpriced).toEqual(["AED", "SGD"]);
    expect(exposure.currencies.map((row) => [row.currency, row.rate.status, row.cny, row.sharePercent])).toEqual([
      ["USD", "fresh", { receivablesMinor: 720_00n, balancesMinor: 0n, totalMinor: 720_00n }, "100.00"],
      ["AED", "unavailable", null, null],
      ["SGD", "stale", null, null],
    ]);
    expect(exposure.totals.totalMinor).toBe(720_00n);
    const april = exposure.dueBuckets.find((bucket) => bucket.key === "2026-04")!;
    expect(april.byCurrency).toEqual([
      { currency: "SGD", amountMinor: 500_00n, cnyMinor: null },
      { currency: "USD", amountMinor: 100_00n, cnyMinor: 720_00n },
    ]);
    expect(april.cnyMinor).toBe(720_00n);
  });

  it("keeps the totals equal to the sum of the rows and the buckets equal to the receivables", () => {
    const currency = fc.constantFrom("USD", "EUR", "JPY", "KWD", "CNY");
    const date = fc.option(fc.date({ min: new Date("2025-01-01"), max: new Date("2027-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)));
    fc.assert(
      fc.property(
        fc.array(fc.record({ currency, outstandingMinor: fc.bigInt({ min: 0n, max: 10n ** 12n }), dueDate: date })),
        fc.array(fc.record({ currency, amountMinor: fc.bigInt({ min: -(10n ** 9n), max: 10n ** 12n }) })),
        (receivables, balances) => {
          const rates = new Map([
            ["USD", fresh("7.10837651122625216")],
            ["EUR", fresh("8.2315")],
            ["JPY", fresh("0.0477323")],
          ]);
          const exposure = computeExposure({ receivables, balances, rates, today: TODAY });
          const priced = exposure.currencies.filter((row) => row.cny);
          expect(exposure.totals.totalMinor).toBe(priced.reduce((sum, row) => sum + row.cny!.totalMinor, 0n));
          expect(exposure.totals.receivablesMinor + exposure.totals.balancesMinor).toBe(exposure.totals.totalMinor);
          for (const row of exposure.currencies) {
            const owed = receivables.filter((r) => r.currency === row.currency).reduce((sum, r) => sum + r.outstandingMinor, 0n);
            const inBuckets = exposure.dueBuckets.flatMap((b) => b.byCurrency).filter((c) => c.currency === row.currency).reduce((sum, c) => sum + c.amountMinor, 0n);
            expect(row.receivablesMinor).toBe(owed);
            expect(inBuckets).toBe(owed);
          }
          expect(exposure.unpriced).toEqual(exposure.currencies.filter((row) => row.currency === "KWD").map((row) => row.currency));
        },
      ),
    );
  });
});

describe("due months", () => {
  it("puts past due in the overdue bucket, today and later in their month, and no date apart", () => {
    expect(dueBucket("2026-03-10", TODAY)).toBe("overdue");
    expect(dueBucket("2025-12-31", TODAY)).toBe("overdue");
    expect(dueBucket("2026-03-11", TODAY)).toBe("2026-03");
    expect(dueBucket("2026-04-30", TODAY)).toBe("2026-04");
    expect(dueBucket(null, TODAY)).toBe("no_date");
  });

  it("orders overdue first, months in order, no date last", () => {
    const keys: DueBucketKey[] = ["no_date", "2027-01", "overdue", "2026-12", "2026-04"];
    expect(keys.sort(compareBuckets)).toEqual(["overdue", "2026-04", "2026-12", "2027-01", "no_date"]);
  });

  it("buckets the receivables of each currency, leaving CNY and fully paid instalments out", () => {
    const exposure = computeExposure({
      receivables: [
        { currency: "USD", outstandingMinor: 300_00n, dueDate: "2026-02-27" },
        { currency: "EUR", outstandingMinor: 200_00n, dueDate: "2026-03-01" },
        { currency: "USD", outstandingMinor: 700_00n, dueDate: null },
        { currency: "USD", outstandingMinor: 100_00n, dueDate: "2026-05-02" },
        { currency: "USD", outstandingMinor: 50_00n, dueDate: "2026-05-31" },
        { currency: "USD", outstandingMinor: 0n, dueDate: "2026-06-01" },
        { currency: "CNY", outstandingMinor: 9_000_00n, dueDate: "2026-05-01" },
      ],
      balances: [],
      rates: new Map([
        ["USD", fresh("7")],
        ["EUR", fresh("8")],
      ]),
      today: TODAY,
    });
    expect(exposure.dueBuckets.map((b) => [b.key, b.byCurrency.map((c) => `${c.currency} ${c.amountMinor}`), b.cnyMinor])).toEqual([
      ["overdue", ["EUR 20000", "USD 30000"], 3_700_00n],
      ["2026-05", ["USD 15000"], 1_050_00n],
      ["no_date", ["USD 70000"], 4_900_00n],
    ]);
  });

  it("takes today in the organization's time zone", () => {
    // 17:30 UTC on 10 March is already 11 March in Shanghai.
    expect(localDateOf(new Date("2026-03-10T17:30:00Z"), "Asia/Shanghai")).toBe("2026-03-11");
    expect(localDateOf(new Date("2026-03-10T17:30:00Z"), "America/Los_Angeles")).toBe("2026-03-10");
  });
});

describe("rates to CNY", () => {
  it("marks each currency fresh, stale (older than allowed) or unavailable, as quotes do", () => {
    const now = new Date("2026-03-11T08:00:00Z");
    const book = new RateBook([
      { base: "EUR", quote: "USD", rate: "1.1580", asOf: AS_OF, source: "ecb" },
      { base: "EUR", quote: "CNY", rate: "8.2315", asOf: AS_OF, source: "ecb" },
      { base: "EUR", quote: "SGD", rate: "1.5045", asOf: new Date("2026-03-01T15:00:00Z"), source: "ecb" },
    ]);
    const rates = cnyRates(book, ["USD", "EUR", "SGD", "AED", "CNY"], now, 120 * 3_600_000);
    expect(rates.get("USD")).toEqual({ status: "fresh", mid: "7.10837651122625216", asOf: AS_OF, source: "ecb" });
    expect(rates.get("EUR")).toMatchObject({ status: "fresh", mid: "8.2315" });
    expect(rates.get("SGD")).toMatchObject({ status: "stale" });
    expect(rates.get("AED")).toEqual({ status: "unavailable" });
    expect(rates.has("CNY")).toBe(false);
  });

  it("gives shares in percent to 2 decimals, half-even", () => {
    expect(percentOf(1n, 8n)).toBe("12.50");
    expect(percentOf(1n, 3n)).toBe("33.33");
    expect(percentOf(1n, 1600n)).toBe("0.06");
    expect(percentOf(1n, 80000n)).toBe("0.00");
  });
});
