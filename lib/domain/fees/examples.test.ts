import { describe, expect, it } from "vitest";
import { workedExamples } from "./examples";
import { type FeeSchedule, STANDARD_FEE_SCHEDULE } from "./schedule";

const current = STANDARD_FEE_SCHEDULE;

describe("workedExamples", () => {
  it("prices USD 10,000 collected, a CNY 100,000 payout and a chargeback on the standard schedule", () => {
    const examples = workedExamples(current, null);
    expect(examples.map((e) => [e.kind, e.currency, e.amountMinor, e.country, e.current.totalMinor, e.upcoming])).toEqual([
      ["collection", "USD", 1_000_000n, null, 6_000n, null], // 0.6 % = USD 60.00
      ["collection_high_risk_country", "USD", 1_000_000n, "AF", 9_000n, null], // + 50 % of 0.6 % = USD 90.00
      ["payout", "CNY", 10_000_000n, null, 500n, null], // CNY 5.00
      ["payout_expedited", "CNY", 10_000_000n, null, 100_500n, null], // CNY 5.00 + 1 % = CNY 1,005.00
      ["chargeback", "USD", null, null, 1_500n, null],
    ]);
    expect(examples[1]!.current.lines.map((line) => [line.type, line.rate, line.amountMinor])).toEqual([
      ["collection", "0.006", 6_000n],
      ["risk_surcharge", "0.003", 3_000n],
    ]);
  });

  it("prices the same cases under the upcoming schedule", () => {
    const upcoming: FeeSchedule = { ...current, version: 2, effectiveFrom: "2027-01-01", collection: { ...current.collection, baseBps: 55 }, payoutFixed: { CNY: 800n } };
    const examples = workedExamples(current, upcoming);
    expect(examples.map((e) => [e.kind, e.current.totalMinor, e.upcoming?.totalMinor])).toEqual([
      ["collection", 6_000n, 5_500n],
      ["collection_high_risk_country", 9_000n, 8_250n],
      ["payout", 500n, 800n],
      ["payout_expedited", 100_500n, 100_800n],
      ["chargeback", 1_500n, 1_500n],
    ]);
  });

  it("leaves out the high-risk country case when neither schedule lists a country", () => {
    const none: FeeSchedule = { ...current, riskSurcharge: { ...current.riskSurcharge, highRiskCountries: [] } };
    expect(workedExamples(none, null).map((e) => e.kind)).not.toContain("collection_high_risk_country");
  });
});
