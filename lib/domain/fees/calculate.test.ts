import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  chargebackFee,
  collectionBps,
  collectionFee,
  type CollectionFeeInput,
  FeeInputError,
  payoutFees,
  riskSurchargePercent,
  statementImportFee,
  totalFees,
} from "./calculate";
import { type FeeSchedule, STANDARD_FEE_SCHEDULE } from "./schedule";
import { FeeScheduleError } from "./validate";

const schedule = STANDARD_FEE_SCHEDULE;
const usd = (amountMinor: bigint, extra: Partial<CollectionFeeInput> = {}): CollectionFeeInput => ({
  amountMinor,
  currency: "USD",
  monthVolumeCnyMinor: 0n,
  riskLevel: "standard",
  country: "US",
  ...extra,
});

describe("collectionFee", () => {
  it("charges the base rate, as in the domain notes (USD 1,000 → 6.00)", () => {
    expect(collectionFee(schedule, usd(100_000n))).toEqual([
      { type: "collection", currency: "USD", basisMinor: 100_000n, rate: "0.006", amountMinor: 600n },
    ]);
  });

  describe("volume tiers, by the month's volume before this collection", () => {
    const first = 100_000_000n; // CNY 1,000,000
    const second = 500_000_000n; // CNY 5,000,000
    it.each([
      [0n, 60],
      [first - 1n, 60],
      [first, 50],
      [first + 1n, 50],
      [second - 1n, 50],
      [second, 40],
      [second + 1n, 40],
      [10n ** 15n, 40],
    ])("at %s fen the rate is %i bps", (volume, bps) => {
      expect(collectionBps(schedule, volume)).toBe(bps);
      const [line] = collectionFee(schedule, usd(1_000_000n, { monthVolumeCnyMinor: volume }));
      expect(line!.rate).toBe(`0.00${bps / 10}`);
      expect(line!.amountMinor).toBe(BigInt(bps) * 100n); // USD 10,000 × bps
    });

    it("prices a collection that crosses a threshold wholly at the tier reached before it", () => {
      const [line] = collectionFee(schedule, usd(50_000_000n, { monthVolumeCnyMinor: first - 1n }));
      expect(line!.amountMinor).toBe(300_000n); // 0.6 % of USD 500,000, none of it at 0.5 %
    });
  });

  describe("risk surcharge, in percent of the base rate", () => {
    it("adds 30 % of the base for a high-risk organization", () => {
      const lines = collectionFee(schedule, usd(100_000n, { riskLevel: "high" }));
      expect(lines[1]).toEqual({ type: "risk_surcharge", currency: "USD", basisMinor: 100_000n, rate: "0.0018", amountMinor: 180n });
      expect(totalFees("USD", lines)).toBe(780n);
    });

    it("adds 50 % of the base for a high-risk country, case-insensitively", () => {
      expect(collectionFee(schedule, usd(100_000n, { country: "ru" }))[1]!.amountMinor).toBe(300n);
    });

    it("charges the larger surcharge when both apply, not both", () => {
      expect(riskSurchargePercent(schedule, "high", "IR")).toBe(50);
      expect(riskSurchargePercent(schedule, "high", "DE")).toBe(30);
      expect(riskSurchargePercent(schedule, "standard", null)).toBe(0);
      expect(collectionFee(schedule, usd(100_000n, { riskLevel: "high", country: "IR" }))).toHaveLength(2);
    });

    it("keeps the surcharge on the base rate when a volume tier lowers the collection rate", () => {
      const lines = collectionFee(schedule, usd(100_000n, { riskLevel: "high", monthVolumeCnyMinor: 500_000_000n }));
      expect(lines.map((line) => line.amountMinor)).toEqual([400n, 180n]);
    });

    it("handles a surcharge rate with fractional basis points exactly", () => {
      const odd: FeeSchedule = { ...schedule, collection: { baseBps: 45, volumeTiers: [] }, riskSurcharge: { ...schedule.riskSurcharge, highRiskOrganizationPercent: 33 } };
      const [, surcharge] = collectionFee(odd, usd(1_000_000n, { riskLevel: "high" }));
      expect(surcharge!.rate).toBe("0.001485"); // 14.85 bps
      expect(surcharge!.amountMinor).toBe(1485n);
    });
  });

  describe("rounding: each line half-up to the currency's minor unit", () => {
    it.each([
      ["USD", 750n, 5n], // 4.5 cents → 5 (half-even would give 4)
      ["USD", 250n, 2n], // 1.5 → 2
      ["USD", 749n, 4n], // 4.494 → 4
      ["USD", 84n, 1n], // 0.504 → 1
      ["JPY", 1_250n, 8n], // ¥7.5 → ¥8
      ["JPY", 100_000n, 600n],
      ["KWD", 1_250n, 8n], // 7.5 fils → 8
      ["CNY", 1_000_000n, 6_000n],
    ] as const)("%s %s minor → fee %s minor", (currency, amountMinor, fee) => {
      expect(collectionFee(schedule, usd(amountMinor, { currency }))[0]!.amountMinor).toBe(fee);
    });

    it("omits a line that rounds to nothing", () => {
      expect(collectionFee(schedule, usd(83n))).toEqual([]); // 0.498 cents
    });

    it("is within half a minor unit of the exact fee on every line, and never falls as the amount rises", () => {
      fc.assert(
        fc.property(
          fc.bigInt({ min: 1n, max: 10n ** 13n }),
          fc.bigInt({ min: 0n, max: 10n ** 10n }),
          fc.constantFrom("standard", "high" as const),
          fc.constantFrom("US", "IR", null),
          (amountMinor, volume, riskLevel, country) => {
            const input = usd(amountMinor, { monthVolumeCnyMinor: volume, riskLevel, country });
            for (const line of collectionFee(schedule, input)) {
              const [numerator, denominator] = line.type === "collection"
                ? [amountMinor * BigInt(collectionBps(schedule, volume)), 10_000n]
                : [amountMinor * 60n * BigInt(riskSurchargePercent(schedule, riskLevel, country)), 1_000_000n];
              const error = line.amountMinor * denominator - numerator;
              expect(2n * error <= denominator && 2n * error > -denominator).toBe(true); // within (−½, ½]
            }
            const total = totalFees("USD", collectionFee(schedule, input));
            expect(totalFees("USD", collectionFee(schedule, { ...input, amountMinor: amountMinor + 1n }))).toBeGreaterThanOrEqual(total);
          },
        ),
      );
    });
  });

  it("refuses bad input", () => {
    expect(() => collectionFee(schedule, usd(0n))).toThrow(FeeInputError);
    expect(() => collectionFee(schedule, usd(-5n))).toThrow(/fee_amount_not_positive/);
    expect(() => collectionFee(schedule, usd(100n, { currency: "XYZ" }))).toThrow(/fee_currency_unknown/);
    expect(() => collectionFee(schedule, usd(100n, { monthVolumeCnyMinor: -1n }))).toThrow(/fee_volume_negative/);
    expect(() => collectionFee({ ...schedule, collection: { baseBps: -1, volumeTiers: [] } }, usd(100n))).toThrow(FeeScheduleError);
  });
});

describe("payoutFees", () => {
  it("charges the fixed fee of the payout's currency", () => {
    expect(payoutFees(schedule, { amountMinor: 5_000_000n, currency: "CNY", expedited: false })).toEqual([
      { type: "payout", currency: "CNY", basisMinor: null, rate: null, amountMinor: 500n },
    ]);
  });

  it("adds 1 % for an expedited payout, half-up", () => {
    const lines = payoutFees(schedule, { amountMinor: 1_234_550n, currency: "CNY", expedited: true });
    expect(lines[1]).toEqual({ type: "expedited_payout", currency: "CNY", basisMinor: 1_234_550n, rate: "0.01", amountMinor: 12_346n });
    expect(totalFees("CNY", lines)).toBe(12_846n);
  });

  it("charges nothing fixed in a currency the schedule does not list", () => {
    expect(payoutFees(schedule, { amountMinor: 100_000n, currency: "JPY", expedited: false })).toEqual([]);
  });

  it("refuses a zero payout", () => {
    expect(() => payoutFees(schedule, { amountMinor: 0n, currency: "CNY", expedited: true })).toThrow(FeeInputError);
  });
});

describe("fixed fees", () => {
  it("charges a chargeback fee per currency", () => {
    expect(chargebackFee(schedule, { currency: "USD" })).toEqual([{ type: "chargeback", currency: "USD", basisMinor: null, rate: null, amountMinor: 1_500n }]);
    expect(chargebackFee(schedule, { currency: "CHF" })).toEqual([]);
  });

  it("charges a statement import fee only where one is set", () => {
    expect(statementImportFee(schedule, { currency: "USD" })).toEqual([]);
    const withImportFee = { ...schedule, statementImportFixed: { USD: 200n } };
    expect(statementImportFee(withImportFee, { currency: "USD" })[0]!.amountMinor).toBe(200n);
  });

  it("refuses lines in another currency when totalling", () => {
    expect(() => totalFees("CNY", chargebackFee(schedule, { currency: "USD" }))).toThrow(RangeError);
  });
});
