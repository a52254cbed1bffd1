import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { STANDARD_FEE_SCHEDULE, totalFees } from "../fees";
import { planAllocation } from "./allocation-plan";
import { type CollectionFeeTerms, collectionPartFees, matchFeePreview } from "./fees";

const terms: CollectionFeeTerms = { schedule: STANDARD_FEE_SCHEDULE, monthVolumeCnyMinor: 0n, riskLevel: "standard", country: "GB" };

describe("collectionPartFees", () => {
  it("prices each part on its own, half-up, at the tier the month reached before the collection", () => {
    expect(collectionPartFees(terms, "USD", [30_000n, 10_075n]).map((lines) => lines.map((line) => line.amountMinor))).toEqual([[180n], [60n]]); // 60.45 → 60
    const atTier = collectionPartFees({ ...terms, monthVolumeCnyMinor: 100_000_000n }, "USD", [30_000n, 10_075n]);
    expect(atTier.map((lines) => lines[0]!.rate)).toEqual(["0.005", "0.005"]);
  });

  it("adds the surcharge for a payer in a high-risk country", () => {
    const [lines] = collectionPartFees({ ...terms, country: "IR" }, "USD", [100_000n]);
    expect(lines!.map((line) => [line.type, line.rate, line.amountMinor])).toEqual([
      ["collection", "0.006", 600n],
      ["risk_surcharge", "0.003", 300n],
    ]);
  });
});

describe("matchFeePreview", () => {
  it("shows what a match splitting over two instalments will charge, and the credit uncharged", () => {
    const preview = matchFeePreview({ ...terms, riskLevel: "high" }, "USD", [30_000n, 70_000n], { amountMinor: 105_000n, sameCurrency: true });
    expect(preview).toEqual({
      appliedMinor: 100_000n,
      fees: [
        { type: "collection", rate: "0.006", amountMinor: 600n },
        { type: "risk_surcharge", rate: "0.0018", amountMinor: 180n },
      ],
      feeMinor: 780n,
      netMinor: 99_220n,
      creditMinor: 5_000n,
    });
  });

  it("charges on the money received across currencies, not on what it settles", () => {
    const preview = matchFeePreview(terms, "EUR", [164_100n], { amountMinor: 150_000n, invoiceAmountMinor: 164_100n, sameCurrency: false });
    expect(preview).toMatchObject({ appliedMinor: 150_000n, feeMinor: 900n, netMinor: 149_100n, creditMinor: 0n });
  });

  it("is null for a match that would be refused", () => {
    expect(matchFeePreview(terms, "USD", [0n], { amountMinor: 100n, sameCurrency: true })).toBeNull();
    expect(matchFeePreview(terms, "USD", [100n], { amountMinor: 0n, sameCurrency: true })).toBeNull();
    expect(matchFeePreview(terms, "EUR", [100n], { amountMinor: 100n, sameCurrency: false })).toBeNull();
  });

  it("always equals the sum of the fees the match's parts post", () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 9n }), { minLength: 1, maxLength: 4 }),
        fc.bigInt({ min: 1n, max: 10n ** 10n }),
        fc.bigInt({ min: 0n, max: 10n ** 10n }),
        (outstanding, amountMinor, monthVolumeCnyMinor) => {
          const owed = outstanding.reduce((sum, value) => sum + value, 0n);
          const preview = matchFeePreview({ ...terms, monthVolumeCnyMinor }, "USD", outstanding, { amountMinor, sameCurrency: true });
          if (owed === 0n) {
            expect(preview).toBeNull();
            return;
          }
          const plan = planAllocation(outstanding.map((outstandingMinor, index) => ({ id: String(index), outstandingMinor })), { amountMinor, sameCurrency: true });
          const posted = collectionPartFees({ ...terms, monthVolumeCnyMinor }, "USD", plan.parts.map((part) => part.amountMinor));
          expect(preview!.feeMinor).toBe(posted.reduce((sum, lines) => sum + totalFees("USD", lines), 0n));
          expect(preview!.appliedMinor + preview!.creditMinor).toBe(amountMinor);
          expect(preview!.netMinor + preview!.feeMinor).toBe(preview!.appliedMinor);
        },
      ),
    );
  });
});
