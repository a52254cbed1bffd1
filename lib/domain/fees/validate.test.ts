import { describe, expect, it } from "vitest";
import { type FeeSchedule, STANDARD_FEE_SCHEDULE } from "./schedule";
import { fromStoredFeeSchedule, toStoredFeeSchedule } from "./stored";
import { feeScheduleProblems } from "./validate";

const good = STANDARD_FEE_SCHEDULE;
const tiers = (...volumeTiers: [bigint, number][]) => volumeTiers.map(([fromMonthVolumeCnyMinor, bps]) => ({ fromMonthVolumeCnyMinor, bps }));

describe("feeScheduleProblems", () => {
  it("accepts the standard schedule", () => {
    expect(feeScheduleProblems(good)).toEqual([]);
  });

  it.each<[Partial<FeeSchedule>, string]>([
    [{ version: 0 }, "version_invalid"],
    [{ effectiveFrom: "2026-13-01" }, "effective_from_invalid"],
    [{ collection: { baseBps: 501, volumeTiers: [] } }, "base_rate_out_of_range"],
    [{ collection: { baseBps: 60.5, volumeTiers: [] } }, "base_rate_out_of_range"],
    [{ collection: { baseBps: 60, volumeTiers: tiers([0n, 50]) } }, "volume_threshold_not_positive"],
    [{ collection: { baseBps: 60, volumeTiers: tiers([200n, 50], [100n, 40]) } }, "volume_thresholds_not_increasing"],
    [{ collection: { baseBps: 60, volumeTiers: tiers([100n, 60]) } }, "volume_tier_rate_not_lower"],
    [{ collection: { baseBps: 60, volumeTiers: tiers([100n, 50], [200n, 55]) } }, "volume_tier_rate_not_lower"],
    [{ collection: { baseBps: 60, volumeTiers: tiers([1n, 59], [2n, 58], [3n, 57], [4n, 56], [5n, 55], [6n, 54], [7n, 53]) } }, "too_many_volume_tiers"],
    [{ riskSurcharge: { ...good.riskSurcharge, highRiskOrganizationPercent: 19 } }, "risk_surcharge_out_of_range"],
    [{ riskSurcharge: { ...good.riskSurcharge, highRiskCountryPercent: 51 } }, "risk_surcharge_out_of_range"],
    [{ riskSurcharge: { ...good.riskSurcharge, highRiskCountries: ["ir"] } }, "risk_country_invalid"],
    [{ payoutFixed: { ABC: 100n } }, "fixed_fee_currency_unknown"],
    [{ chargebackFixed: { USD: -1n } }, "fixed_fee_negative"],
    [{ expeditedPayoutBps: 501 }, "expedited_rate_out_of_range"],
    [{ fx: { tiers: [] } }, "fx_no_tiers"],
    [{ fx: { tiers: [{ fromCnyMinor: 5n, spreadBps: 50, feeBps: 0 }] } }, "fx_first_tier_not_zero"],
  ])("reports %o as %s", (change, problem) => {
    expect(feeScheduleProblems({ ...good, ...change })).toContain(problem);
  });

  it("accepts the edges of each range", () => {
    const edges: FeeSchedule = {
      ...good,
      collection: { baseBps: 500, volumeTiers: tiers([1n, 0]) },
      riskSurcharge: { highRiskOrganizationPercent: 0, highRiskCountryPercent: 20, highRiskCountries: [] },
      payoutFixed: { CNY: 0n },
      expeditedPayoutBps: 500,
    };
    expect(feeScheduleProblems(edges)).toEqual([]);
    expect(feeScheduleProblems({ ...edges, riskSurcharge: { ...edges.riskSurcharge, highRiskOrganizationPercent: 50 } })).toEqual([]);
  });
});

describe("stored form", () => {
  it("survives a JSON round trip", () => {
    const json = JSON.parse(JSON.stringify(toStoredFeeSchedule(good)));
    expect(fromStoredFeeSchedule(json)).toEqual(good);
  });

  it("refuses an amount that is not whole minor units", () => {
    const stored = toStoredFeeSchedule(good);
    expect(() => fromStoredFeeSchedule({ ...stored, payoutFixed: { CNY: "5.00" } })).toThrow(SyntaxError);
  });
});
