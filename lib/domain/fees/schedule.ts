import { DEFAULT_PRICING, type Pricing } from "../fx/pricing";
import { DEFAULT_RISK_POLICY } from "../kyb/risk";
import type { CurrencyCode } from "../money";

/** From this month-to-date collection volume (CNY equivalent, inclusive) on, collections cost `bps`. */
export interface VolumeTier {
  fromMonthVolumeCnyMinor: bigint;
  bps: number;
}

/**
 * The risk surcharge, in percent of the base collection rate (not of the volume-discounted rate:
 * risk does not shrink with volume). When both apply, the larger percentage is charged, not both.
 */
export interface RiskSurcharge {
  /** For organizations assessed "high" risk at KYB. */
  highRiskOrganizationPercent: number;
  /** For collections paid from one of `highRiskCountries` (ISO 3166-1 alpha-2). */
  highRiskCountryPercent: number;
  highRiskCountries: readonly string[];
}

/** A fixed amount per currency, in that currency's minor units; a currency not listed is charged nothing. */
export type FixedFees = Readonly<Partial<Record<CurrencyCode, bigint>>>;

/**
 * One version of an organization's prices. Rates are whole basis points (60 = 0.60 %).
 * A schedule applies from `effectiveFrom` (a China-time date) until the next version's.
 */
export interface FeeSchedule {
  version: number;
  effectiveFrom: string;
  collection: {
    baseBps: number;
    /** Lower rates from monthly volume thresholds on, ascending; below the first, baseBps applies. */
    volumeTiers: readonly VolumeTier[];
  };
  riskSurcharge: RiskSurcharge;
  payoutFixed: FixedFees;
  statementImportFixed: FixedFees;
  /** Paid on top of the payout fixed fee for a same-day payout, in bps of the amount paid out. */
  expeditedPayoutBps: number;
  chargebackFixed: FixedFees;
  /** Spread and fee tiers for conversions, as lib/domain/fx prices quotes. */
  fx: Pricing;
}

/** The published standard prices an organization starts on. */
export const STANDARD_FEE_SCHEDULE: FeeSchedule = Object.freeze({
  version: 1,
  effectiveFrom: "2026-01-01",
  collection: Object.freeze({
    baseBps: 60,
    volumeTiers: Object.freeze([
      Object.freeze({ fromMonthVolumeCnyMinor: 100_000_000n, bps: 50 }), // from CNY 1,000,000 a month
      Object.freeze({ fromMonthVolumeCnyMinor: 500_000_000n, bps: 40 }), // from CNY 5,000,000 a month
    ]),
  }),
  riskSurcharge: Object.freeze({
    highRiskOrganizationPercent: 30,
    highRiskCountryPercent: 50,
    highRiskCountries: DEFAULT_RISK_POLICY.highRiskCountries,
  }),
  payoutFixed: Object.freeze({ CNY: 500n, USD: 100n, EUR: 100n, GBP: 100n, HKD: 800n }),
  statementImportFixed: Object.freeze({}),
  expeditedPayoutBps: 100,
  chargebackFixed: Object.freeze({ CNY: 10_000n, USD: 1_500n, EUR: 1_500n, GBP: 1_200n, HKD: 12_000n }),
  fx: DEFAULT_PRICING,
});
