import type { RiskLevel } from "../kyb/risk";
import { type CurrencyCode, isCurrencyCode, multiplyByRate } from "../money";
import { bpsToRate, surchargeRate } from "./rates";
import type { FeeSchedule, FixedFees } from "./schedule";
import { assertValidFeeSchedule } from "./validate";

export type FeeType = "collection" | "risk_surcharge" | "payout" | "expedited_payout" | "statement_import" | "chargeback";

/**
 * One fee as shown before the user confirms and posted as its own ledger line.
 * Rounding: each line on its own, half-up (an exact half goes away from zero) to the currency's
 * minor unit, so a line can be checked with a calculator and the total is the sum of the lines shown.
 */
export interface FeeLine {
  type: FeeType;
  currency: CurrencyCode;
  /** The amount the rate applies to; null for a fixed fee. */
  basisMinor: bigint | null;
  /** Exact fraction ("0.006" = 0.6 %); null for a fixed fee. */
  rate: string | null;
  amountMinor: bigint;
}

export const FEE_ROUNDING = "half_up" as const;

export class FeeInputError extends Error {
  constructor(readonly code: "fee_amount_not_positive" | "fee_currency_unknown" | "fee_volume_negative") {
    super(code);
    this.name = "FeeInputError";
  }
}

function checkAmount(amountMinor: bigint, currency: CurrencyCode): void {
  if (!isCurrencyCode(currency)) throw new FeeInputError("fee_currency_unknown");
  if (amountMinor <= 0n) throw new FeeInputError("fee_amount_not_positive");
}

function rateLine(type: FeeType, currency: CurrencyCode, basisMinor: bigint, rate: string): FeeLine {
  return { type, currency, basisMinor, rate, amountMinor: multiplyByRate(basisMinor, rate, FEE_ROUNDING) };
}

function fixedLines(type: FeeType, fees: FixedFees, currency: CurrencyCode): FeeLine[] {
  if (!isCurrencyCode(currency)) throw new FeeInputError("fee_currency_unknown");
  const amountMinor = fees[currency] ?? 0n;
  return amountMinor > 0n ? [{ type, currency, basisMinor: null, rate: null, amountMinor }] : [];
}

/** The rate for a collection arriving when the month's volume so far is `monthVolumeCnyMinor`. */
export function collectionBps(schedule: FeeSchedule, monthVolumeCnyMinor: bigint): number {
  let bps = schedule.collection.baseBps;
  for (const tier of schedule.collection.volumeTiers) if (monthVolumeCnyMinor >= tier.fromMonthVolumeCnyMinor) bps = tier.bps;
  return bps;
}

/** The risk surcharge percentage that applies, 0 when none: the larger of the organization's and the country's. */
export function riskSurchargePercent(schedule: FeeSchedule, riskLevel: RiskLevel, country: string | null): number {
  const risk = schedule.riskSurcharge;
  const organization = riskLevel === "high" ? risk.highRiskOrganizationPercent : 0;
  const listed = country !== null && risk.highRiskCountries.includes(country.toUpperCase());
  return Math.max(organization, listed ? risk.highRiskCountryPercent : 0);
}

export interface CollectionFeeInput {
  amountMinor: bigint;
  currency: CurrencyCode;
  /** The organization's collections so far this month (China time), in CNY equivalent, not counting this one. */
  monthVolumeCnyMinor: bigint;
  riskLevel: RiskLevel;
  /** The payer's country (ISO 3166-1 alpha-2), when known. */
  country: string | null;
}

/**
 * The fee lines for one collection, in its currency: the collection fee, then any risk surcharge.
 * Volume tiers are not marginal: the tier reached by the month's volume before this collection
 * prices all of it. Splitting one collection across tiers would need an exchange rate to cut a
 * foreign amount at a CNY threshold, making the fee depend on a rate the user cannot see; earlier
 * collections are never re-priced.
 */
export function collectionFee(schedule: FeeSchedule, input: CollectionFeeInput): FeeLine[] {
  assertValidFeeSchedule(schedule);
  checkAmount(input.amountMinor, input.currency);
  if (input.monthVolumeCnyMinor < 0n) throw new FeeInputError("fee_volume_negative");

  const lines = [rateLine("collection", input.currency, input.amountMinor, bpsToRate(collectionBps(schedule, input.monthVolumeCnyMinor)))];
  const percent = riskSurchargePercent(schedule, input.riskLevel, input.country);
  if (percent > 0) {
    lines.push(rateLine("risk_surcharge", input.currency, input.amountMinor, surchargeRate(schedule.collection.baseBps, percent)));
  }
  return lines.filter((line) => line.amountMinor > 0n);
}

/**
 * The fee lines for a payout of `amountMinor` (the amount sent to the bank account): the fixed
 * payout fee in its currency, plus the expedited fee on the amount when it is paid out the same day.
 */
export function payoutFees(schedule: FeeSchedule, input: { amountMinor: bigint; currency: CurrencyCode; expedited: boolean }): FeeLine[] {
  assertValidFeeSchedule(schedule);
  checkAmount(input.amountMinor, input.currency);
  const lines = fixedLines("payout", schedule.payoutFixed, input.currency);
  if (input.expedited && schedule.expeditedPayoutBps > 0) {
    lines.push(rateLine("expedited_payout", input.currency, input.amountMinor, bpsToRate(schedule.expeditedPayoutBps)));
  }
  return lines.filter((line) => line.amountMinor > 0n);
}

export function chargebackFee(schedule: FeeSchedule, input: { currency: CurrencyCode }): FeeLine[] {
  assertValidFeeSchedule(schedule);
  return fixedLines("chargeback", schedule.chargebackFixed, input.currency);
}

export function statementImportFee(schedule: FeeSchedule, input: { currency: CurrencyCode }): FeeLine[] {
  assertValidFeeSchedule(schedule);
  return fixedLines("statement_import", schedule.statementImportFixed, input.currency);
}

/** The sum of fee lines, which must all be in `currency`. */
export function totalFees(currency: CurrencyCode, lines: readonly FeeLine[]): bigint {
  let total = 0n;
  for (const line of lines) {
    if (line.currency !== currency) throw new RangeError(`Fee line in ${line.currency}, expected ${currency}`);
    total += line.amountMinor;
  }
  return total;
}
