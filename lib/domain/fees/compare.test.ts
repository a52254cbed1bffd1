import { describe, expect, it } from "vitest";
import { compareSchedules, earliestEffectiveDate, type FeeChange, scheduleChangeProblem } from "./compare";
import { type FeeSchedule, STANDARD_FEE_SCHEDULE } from "./schedule";
import { scheduleInEffect, upcomingSchedule } from "./versions";

const current = STANDARD_FEE_SCHEDULE;
const next = (changes: Partial<FeeSchedule>): FeeSchedule => ({ ...current, version: 2, effectiveFrom: "2027-01-01", ...changes });
const tiers = (...volumeTiers: [bigint, number][]) => volumeTiers.map(([fromMonthVolumeCnyMinor, bps]) => ({ fromMonthVolumeCnyMinor, bps }));

describe("compareSchedules", () => {
  it("finds nothing between identical prices", () => {
    expect(compareSchedules(current, next({}))).toEqual({ raises: false, changes: [] });
  });

  it("sees a base-rate rise, and the surcharges it drags up", () => {
    const { raises, changes } = compareSchedules(current, next({ collection: { ...current.collection, baseBps: 65 } }));
    expect(raises).toBe(true);
    expect(changes).toContainEqual({ fee: "collection_rate", atMonthVolumeCnyMinor: 0n, currentBps: 60, nextBps: 65, direction: "raised" });
    expect(changes).toContainEqual({ fee: "risk_surcharge_organization", currentBps: "18", nextBps: "19.5", direction: "raised" });
  });

  it("counts a new lower tier as a cut, not a rise", () => {
    const { raises, changes } = compareSchedules(current, next({ collection: { baseBps: 60, volumeTiers: tiers([50_000_000n, 55], [100_000_000n, 50], [500_000_000n, 40]) } }));
    expect(raises).toBe(false);
    expect(changes).toEqual([{ fee: "collection_rate", atMonthVolumeCnyMinor: 50_000_000n, currentBps: 60, nextBps: 55, direction: "lowered" }]);
  });

  it("counts a threshold moved up as a rise for the volumes in between", () => {
    const { raises, changes } = compareSchedules(current, next({ collection: { baseBps: 60, volumeTiers: tiers([200_000_000n, 50], [500_000_000n, 40]) } }));
    expect(raises).toBe(true);
    expect(changes).toEqual([{ fee: "collection_rate", atMonthVolumeCnyMinor: 100_000_000n, currentBps: 50, nextBps: 60, direction: "raised" }]);
  });

  it("compares surcharges in money, so a lower base can offset a higher percentage", () => {
    const offset = next({ collection: { baseBps: 50, volumeTiers: tiers([500_000_000n, 40]) }, riskSurcharge: { ...current.riskSurcharge, highRiskOrganizationPercent: 36 } });
    const fees = compareSchedules(current, offset).changes.map((change) => change.fee);
    expect(fees).not.toContain("risk_surcharge_organization"); // 60 × 30 % = 50 × 36 % = 18 bps
  });

  it("sees a newly listed high-risk country as a rise for that country only", () => {
    const listed = next({ riskSurcharge: { ...current.riskSurcharge, highRiskCountries: [...current.riskSurcharge.highRiskCountries, "VE"] } });
    expect(compareSchedules(current, listed)).toEqual({
      raises: true,
      changes: [{ fee: "risk_surcharge_country", country: "VE", currentBps: "0", nextBps: "30", direction: "raised" }],
    });
  });

  it.each<[Partial<FeeSchedule>, FeeChange]>([
    [{ expeditedPayoutBps: 120 }, { fee: "expedited_payout", currentBps: 100, nextBps: 120, direction: "raised" }],
    [{ payoutFixed: { ...current.payoutFixed, CNY: 400n } }, { fee: "payout_fixed", currency: "CNY", currentMinor: 500n, nextMinor: 400n, direction: "lowered" }],
    [{ statementImportFixed: { USD: 100n } }, { fee: "statement_import_fixed", currency: "USD", currentMinor: 0n, nextMinor: 100n, direction: "raised" }],
    [{ chargebackFixed: { ...current.chargebackFixed, USD: 2_000n } }, { fee: "chargeback_fixed", currency: "USD", currentMinor: 1_500n, nextMinor: 2_000n, direction: "raised" }],
    [
      { fx: { tiers: [{ fromCnyMinor: 0n, spreadBps: 50, feeBps: 0 }, { fromCnyMinor: 10_000_000n, spreadBps: 35, feeBps: 0 }] } },
      { fee: "fx_spread", atCnyMinor: 10_000_000n, currentBps: 30, nextBps: 35, direction: "raised" },
    ],
    [
      { fx: { tiers: [{ fromCnyMinor: 0n, spreadBps: 50, feeBps: 5 }, { fromCnyMinor: 10_000_000n, spreadBps: 30, feeBps: 0 }] } },
      { fee: "fx_fee", atCnyMinor: 0n, currentBps: 0, nextBps: 5, direction: "raised" },
    ],
  ])("reports %o", (changes, expected) => {
    const comparison = compareSchedules(current, next(changes));
    expect(comparison.changes).toEqual([expected]);
    expect(comparison.raises).toBe(expected.direction === "raised");
  });

  it("raises when anything rises, even if other fees fall", () => {
    const mixed = next({ expeditedPayoutBps: 50, chargebackFixed: { ...current.chargebackFixed, EUR: 1_600n } });
    expect(compareSchedules(current, mixed).raises).toBe(true);
  });
});

describe("notice of a change", () => {
  it("needs 30 days for a rise, none for a cut", () => {
    expect(earliestEffectiveDate("2026-11-27", true)).toBe("2026-12-27");
    expect(earliestEffectiveDate("2027-01-31", true)).toBe("2027-03-02");
    expect(earliestEffectiveDate("2028-02-01", true)).toBe("2028-03-02"); // leap year
    expect(earliestEffectiveDate("2026-11-27", false)).toBe("2026-11-27");
    expect(() => earliestEffectiveDate("2026-02-30", true)).toThrow(RangeError);
  });

  it("refuses a rise published with less than 30 days' notice", () => {
    const raise = next({ expeditedPayoutBps: 150, effectiveFrom: "2026-12-26" });
    expect(scheduleChangeProblem(current, raise, "2026-11-27")).toBe("raise_without_notice");
    expect(scheduleChangeProblem(current, { ...raise, effectiveFrom: "2026-12-27" }, "2026-11-27")).toBeNull();
  });

  it("lets a cut take effect on the day it is published, never before", () => {
    const cut = next({ expeditedPayoutBps: 80, effectiveFrom: "2026-11-27" });
    expect(scheduleChangeProblem(current, cut, "2026-11-27")).toBeNull();
    expect(scheduleChangeProblem(current, { ...cut, effectiveFrom: "2026-11-26" }, "2026-11-27")).toBe("effective_before_publication");
    expect(scheduleChangeProblem(current, { ...cut, version: 1 }, "2026-11-27")).toBe("version_not_increasing");
  });
});

describe("versions", () => {
  const v1 = current;
  const v2 = next({ version: 2, effectiveFrom: "2026-12-27", expeditedPayoutBps: 150 });
  const v3 = next({ version: 3, effectiveFrom: "2027-03-01" });

  it("picks the schedule in effect on a date and the one coming next", () => {
    expect(scheduleInEffect([v3, v1, v2], "2025-12-31")).toBeNull();
    expect(scheduleInEffect([v3, v1, v2], "2026-12-26")).toBe(v1);
    expect(scheduleInEffect([v3, v1, v2], "2026-12-27")).toBe(v2);
    expect(upcomingSchedule([v3, v1, v2], "2026-11-27")).toBe(v2);
    expect(upcomingSchedule([v3, v1, v2], "2026-12-27")).toBe(v3);
    expect(upcomingSchedule([v3, v1, v2], "2027-03-01")).toBeNull();
  });

  it("prefers the higher version when two take effect on the same day", () => {
    const v2b = { ...v2, version: 4 };
    expect(scheduleInEffect([v2b, v2], "2027-01-15")).toBe(v2b);
  });
});
