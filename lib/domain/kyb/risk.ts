export type RiskLevel = "standard" | "high";
export type RiskReason = "volume_above_threshold" | "high_risk_country";

export interface RiskPolicy {
  volumeThresholdCnyMinor: bigint;
  /** ISO 3166-1 alpha-2 codes. */
  highRiskCountries: readonly string[];
}

export interface RiskApplication {
  expectedMonthlyVolumeCnyMinor: bigint;
  /** ISO 3166-1 alpha-2 codes of the countries the factory's buyers pay from. */
  buyerCountries: readonly string[];
}

/** An illustrative starting policy: CNY 5,000,000.00 a month, and a short list of sanctioned or high-risk countries. */
export const DEFAULT_RISK_POLICY: Readonly<RiskPolicy> = Object.freeze({
  volumeThresholdCnyMinor: 500_000_000n,
  highRiskCountries: Object.freeze(["IR", "KP", "SY", "CU", "RU", "BY", "MM", "AF"]),
});

/** High risk when the expected volume is strictly above the threshold or any buyer country is listed. */
export function assessRisk(
  application: RiskApplication,
  policy: RiskPolicy,
): { level: RiskLevel; reasons: RiskReason[] } {
  const reasons: RiskReason[] = [];
  if (application.expectedMonthlyVolumeCnyMinor > policy.volumeThresholdCnyMinor) {
    reasons.push("volume_above_threshold");
  }
  const listed = new Set(policy.highRiskCountries.map((code) => code.toUpperCase()));
  if (application.buyerCountries.some((code) => listed.has(code.toUpperCase()))) {
    reasons.push("high_risk_country");
  }
  return { level: reasons.length > 0 ? "high" : "standard", reasons };
}
