import { pricingProblem, type PricingProblem } from "../fx/pricing";
import { isIsoDate } from "../invoices/dates";
import { isCurrencyCode } from "../money";
import type { FeeSchedule, FixedFees } from "./schedule";

export const MAX_COLLECTION_BPS = 500;
export const MAX_EXPEDITED_BPS = 500;
export const MAX_VOLUME_TIERS = 6;
/** Policy: a risk surcharge is +20 % to +50 % of the base rate; 0 means none. */
export const RISK_SURCHARGE_PERCENT_RANGE = { min: 20, max: 50 } as const;

export type FeeScheduleProblem =
  | "version_invalid"
  | "effective_from_invalid"
  | "base_rate_out_of_range"
  | "too_many_volume_tiers"
  | "volume_threshold_not_positive"
  | "volume_thresholds_not_increasing"
  | "volume_tier_rate_not_lower"
  | "risk_surcharge_out_of_range"
  | "risk_country_invalid"
  | "fixed_fee_currency_unknown"
  | "fixed_fee_negative"
  | "expedited_rate_out_of_range"
  | `fx_${PricingProblem}`;

const isWholeBps = (bps: number, max: number) => Number.isInteger(bps) && bps >= 0 && bps <= max;
const COUNTRY = /^[A-Z]{2}$/;

function surchargeOk(percent: number): boolean {
  return percent === 0 || (Number.isInteger(percent) && percent >= RISK_SURCHARGE_PERCENT_RANGE.min && percent <= RISK_SURCHARGE_PERCENT_RANGE.max);
}

function fixedFeeProblems(fees: FixedFees, problems: Set<FeeScheduleProblem>): void {
  for (const [currency, amount] of Object.entries(fees)) {
    if (!isCurrencyCode(currency)) problems.add("fixed_fee_currency_unknown");
    if (typeof amount !== "bigint" || amount < 0n) problems.add("fixed_fee_negative");
  }
}

/** Everything wrong with a schedule, as codes for the admin form; empty when it can be published. */
export function feeScheduleProblems(schedule: FeeSchedule): FeeScheduleProblem[] {
  const problems = new Set<FeeScheduleProblem>();
  if (!Number.isInteger(schedule.version) || schedule.version < 1) problems.add("version_invalid");
  if (!isIsoDate(schedule.effectiveFrom)) problems.add("effective_from_invalid");

  const { baseBps, volumeTiers } = schedule.collection;
  if (!isWholeBps(baseBps, MAX_COLLECTION_BPS)) problems.add("base_rate_out_of_range");
  if (volumeTiers.length > MAX_VOLUME_TIERS) problems.add("too_many_volume_tiers");
  let previous = { fromMonthVolumeCnyMinor: 0n, bps: baseBps };
  for (const tier of volumeTiers) {
    if (tier.fromMonthVolumeCnyMinor <= 0n) problems.add("volume_threshold_not_positive");
    else if (tier.fromMonthVolumeCnyMinor <= previous.fromMonthVolumeCnyMinor) problems.add("volume_thresholds_not_increasing");
    if (!isWholeBps(tier.bps, MAX_COLLECTION_BPS)) problems.add("base_rate_out_of_range");
    else if (tier.bps >= previous.bps) problems.add("volume_tier_rate_not_lower");
    previous = tier;
  }

  const risk = schedule.riskSurcharge;
  if (!surchargeOk(risk.highRiskOrganizationPercent) || !surchargeOk(risk.highRiskCountryPercent)) {
    problems.add("risk_surcharge_out_of_range");
  }
  if (risk.highRiskCountries.some((country) => !COUNTRY.test(country))) problems.add("risk_country_invalid");

  fixedFeeProblems(schedule.payoutFixed, problems);
  fixedFeeProblems(schedule.statementImportFixed, problems);
  fixedFeeProblems(schedule.chargebackFixed, problems);
  if (!isWholeBps(schedule.expeditedPayoutBps, MAX_EXPEDITED_BPS)) problems.add("expedited_rate_out_of_range");

  const fxProblem = pricingProblem(schedule.fx.tiers);
  if (fxProblem) problems.add(`fx_${fxProblem}`);
  return [...problems];
}

export class FeeScheduleError extends Error {
  readonly code = "invalid_fee_schedule";

  constructor(readonly problems: readonly FeeScheduleProblem[]) {
    super(`Invalid fee schedule: ${problems.join(", ")}`);
    this.name = "FeeScheduleError";
  }
}

/** Schedules already found valid. A schedule is never changed once loaded, and an import prices thousands of fees on one. */
const validSchedules = new WeakSet<FeeSchedule>();

export function assertValidFeeSchedule(schedule: FeeSchedule): void {
  if (validSchedules.has(schedule)) return;
  const problems = feeScheduleProblems(schedule);
  if (problems.length > 0) throw new FeeScheduleError(problems);
  validSchedules.add(schedule);
}
