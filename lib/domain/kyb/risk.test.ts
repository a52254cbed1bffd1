import { describe, expect, it } from "vitest";
import { assessRisk, DEFAULT_RISK_POLICY } from "./risk";

const policy = { volumeThresholdCnyMinor: 1_000_00n, highRiskCountries: ["IR", "KP"] };

describe("assessRisk", () => {
  it("is standard at or below the threshold with ordinary buyer countries", () => {
    expect(assessRisk({ expectedMonthlyVolumeCnyMinor: 1_000_00n, buyerCountries: ["US", "DE"] }, policy)).toEqual({
      level: "standard",
      reasons: [],
    });
    expect(assessRisk({ expectedMonthlyVolumeCnyMinor: 0n, buyerCountries: [] }, policy)).toEqual({
      level: "standard",
      reasons: [],
    });
  });

  it("is high one minor unit above the threshold", () => {
    expect(assessRisk({ expectedMonthlyVolumeCnyMinor: 1_000_01n, buyerCountries: ["US"] }, policy)).toEqual({
      level: "high",
      reasons: ["volume_above_threshold"],
    });
  });

  it("is high when any buyer country is listed, whatever its case", () => {
    expect(assessRisk({ expectedMonthlyVolumeCnyMinor: 1n, buyerCountries: ["US", "ir"] }, policy)).toEqual({
      level: "high",
      reasons: ["high_risk_country"],
    });
  });

  it("gives both reasons, volume first, and each once", () => {
    expect(
      assessRisk({ expectedMonthlyVolumeCnyMinor: 10n ** 12n, buyerCountries: ["KP", "IR", "KP"] }, policy),
    ).toEqual({ level: "high", reasons: ["volume_above_threshold", "high_risk_country"] });
  });

  it("defaults to CNY 5,000,000.00 a month and an illustrative country list", () => {
    expect(DEFAULT_RISK_POLICY.volumeThresholdCnyMinor).toBe(500_000_000n);
    expect(DEFAULT_RISK_POLICY.highRiskCountries).toEqual(["IR", "KP", "SY", "CU", "RU", "BY", "MM", "AF"]);
    expect(Object.isFrozen(DEFAULT_RISK_POLICY.highRiskCountries)).toBe(true);
    expect(
      assessRisk({ expectedMonthlyVolumeCnyMinor: 500_000_000n, buyerCountries: ["US", "GB"] }, DEFAULT_RISK_POLICY),
    ).toEqual({ level: "standard", reasons: [] });
    expect(
      assessRisk({ expectedMonthlyVolumeCnyMinor: 500_000_001n, buyerCountries: ["RU"] }, DEFAULT_RISK_POLICY).reasons,
    ).toEqual(["volume_above_threshold", "high_risk_country"]);
  });
});
