import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_PRICING, type Pricing } from "../fx";
import { priceSettlementConversion } from "./conversion";

const withFee = (feeBps: number): Pricing => ({ tiers: [{ fromCnyMinor: 0n, spreadBps: 50, feeBps }] });

describe("priceSettlementConversion", () => {
  it("converts the whole due amount at the mid less the spread when the tier has no fee", () => {
    const price = priceSettlementConversion({ dueMinor: 1_000_000n, sellCurrency: "USD", buyCurrency: "CNY", mid: "7.2", pricing: DEFAULT_PRICING, cnyEquivalentMinor: 7_200_000n });
    expect(price).toMatchObject({ customerRate: "7.164", spreadBps: 50, sellAmountMinor: 1_000_000n, feeMinor: 0n, sellTotalMinor: 1_000_000n, buyAmountMinor: 7_164_000n });
  });

  it("uses the lower spread of a larger conversion's tier", () => {
    const price = priceSettlementConversion({ dueMinor: 2_000_000n, sellCurrency: "USD", buyCurrency: "CNY", mid: "7.2", pricing: DEFAULT_PRICING, cnyEquivalentMinor: 14_400_000n });
    expect(price).toMatchObject({ spreadBps: 30, buyAmountMinor: 14_356_800n });
  });

  it("takes the fee out of the due amount, converting the largest amount that fits with it", () => {
    const price = priceSettlementConversion({ dueMinor: 1_000_000n, sellCurrency: "USD", buyCurrency: "CNY", mid: "7.2", pricing: withFee(25), cnyEquivalentMinor: 7_200_000n });
    expect(price).toMatchObject({ sellAmountMinor: 997_506n, feeMinor: 2_494n, sellTotalMinor: 1_000_000n });
  });

  it("never takes more than is due, and leaves at most a minor unit behind", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1_000n, max: 10n ** 13n }), fc.integer({ min: 0, max: 500 }), (dueMinor, feeBps) => {
        const price = priceSettlementConversion({ dueMinor, sellCurrency: "USD", buyCurrency: "CNY", mid: "7.18", pricing: withFee(feeBps), cnyEquivalentMinor: 0n });
        expect(price.sellTotalMinor <= dueMinor).toBe(true);
        expect(dueMinor - price.sellTotalMinor <= 1n).toBe(true);
      }),
    );
  });
});
