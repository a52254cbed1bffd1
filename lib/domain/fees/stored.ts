import { fromStoredTiers, type StoredPricingTier, toStoredTiers } from "../fx/pricing";
import type { FeeSchedule, FixedFees } from "./schedule";

/** A fee schedule as JSON can hold it (a jsonb column, an admin form): amounts as decimal strings of minor units. */
export interface StoredFeeSchedule {
  version: number;
  effectiveFrom: string;
  collection: { baseBps: number; volumeTiers: { fromMonthVolumeCnyMinor: string; bps: number }[] };
  riskSurcharge: { highRiskOrganizationPercent: number; highRiskCountryPercent: number; highRiskCountries: string[] };
  payoutFixed: Record<string, string>;
  statementImportFixed: Record<string, string>;
  expeditedPayoutBps: number;
  chargebackFixed: Record<string, string>;
  fxTiers: StoredPricingTier[];
}

const MINOR = /^\d{1,19}$/;

function toStoredFixed(fees: FixedFees): Record<string, string> {
  return Object.fromEntries(Object.entries(fees).map(([currency, amount]) => [currency, (amount ?? 0n).toString()]));
}

function minor(value: string): bigint {
  if (!MINOR.test(value)) throw new SyntaxError(`Not an amount in minor units: "${value}"`);
  return BigInt(value);
}

function fromStoredFixed(fees: Record<string, string>): FixedFees {
  return Object.fromEntries(Object.entries(fees).map(([currency, amount]) => [currency, minor(amount)]));
}

export function toStoredFeeSchedule(schedule: FeeSchedule): StoredFeeSchedule {
  return {
    version: schedule.version,
    effectiveFrom: schedule.effectiveFrom,
    collection: {
      baseBps: schedule.collection.baseBps,
      volumeTiers: schedule.collection.volumeTiers.map((tier) => ({ fromMonthVolumeCnyMinor: tier.fromMonthVolumeCnyMinor.toString(), bps: tier.bps })),
    },
    riskSurcharge: { ...schedule.riskSurcharge, highRiskCountries: [...schedule.riskSurcharge.highRiskCountries] },
    payoutFixed: toStoredFixed(schedule.payoutFixed),
    statementImportFixed: toStoredFixed(schedule.statementImportFixed),
    expeditedPayoutBps: schedule.expeditedPayoutBps,
    chargebackFixed: toStoredFixed(schedule.chargebackFixed),
    fxTiers: toStoredTiers(schedule.fx.tiers),
  };
}

/** The inverse of toStoredFeeSchedule; validate the result with feeScheduleProblems. */
export function fromStoredFeeSchedule(stored: StoredFeeSchedule): FeeSchedule {
  return {
    version: stored.version,
    effectiveFrom: stored.effectiveFrom,
    collection: {
      baseBps: stored.collection.baseBps,
      volumeTiers: stored.collection.volumeTiers.map((tier) => ({ fromMonthVolumeCnyMinor: minor(tier.fromMonthVolumeCnyMinor), bps: tier.bps })),
    },
    riskSurcharge: { ...stored.riskSurcharge, highRiskCountries: [...stored.riskSurcharge.highRiskCountries] },
    payoutFixed: fromStoredFixed(stored.payoutFixed),
    statementImportFixed: fromStoredFixed(stored.statementImportFixed),
    expeditedPayoutBps: stored.expeditedPayoutBps,
    chargebackFixed: fromStoredFixed(stored.chargebackFixed),
    fx: { tiers: fromStoredTiers(stored.fxTiers) },
  };
}
