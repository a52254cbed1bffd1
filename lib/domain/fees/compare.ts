import { tierFor } from "../fx/pricing";
import { addDays, isIsoDate } from "../invoices/dates";
import { collectionBps } from "./calculate";
import type { FeeSchedule, FixedFees } from "./schedule";
import { assertValidFeeSchedule } from "./validate";

export type Direction = "raised" | "lowered";

/** One price that differs between two schedules; rates in bps (surcharges as exact decimal bps, "18" or "14.85"). */
export type FeeChange = { direction: Direction } & (
  | { fee: "collection_rate"; atMonthVolumeCnyMinor: bigint; currentBps: number; nextBps: number }
  | { fee: "risk_surcharge_organization"; currentBps: string; nextBps: string }
  | { fee: "risk_surcharge_country"; country: string; currentBps: string; nextBps: string }
  | { fee: "expedited_payout"; currentBps: number; nextBps: number }
  | { fee: "payout_fixed" | "statement_import_fixed" | "chargeback_fixed"; currency: string; currentMinor: bigint; nextMinor: bigint }
  | { fee: "fx_spread" | "fx_fee"; atCnyMinor: bigint; currentBps: number; nextBps: number }
);

export interface ScheduleComparison {
  /** Whether any fee is higher in `next` for any volume, currency, country or risk level. */
  raises: boolean;
  changes: FeeChange[];
}

/** Notice the platform gives before a fee rises. */
export const FEE_RAISE_NOTICE_DAYS = 30;

const direction = (current: bigint | number, next: bigint | number): Direction => (next > current ? "raised" : "lowered");

// Surcharges are compared as baseBps × percent (hundredths of a bp), exactly.
function surchargeHundredthsBps(schedule: FeeSchedule, percent: number): bigint {
  return BigInt(schedule.collection.baseBps) * BigInt(percent);
}

function asBps(hundredths: bigint): string {
  const whole = hundredths / 100n;
  const fraction = (hundredths % 100n).toString().padStart(2, "0").replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}

function compareFixed(fee: "payout_fixed" | "statement_import_fixed" | "chargeback_fixed", current: FixedFees, next: FixedFees): FeeChange[] {
  const currencies = [...new Set([...Object.keys(current), ...Object.keys(next)])].sort();
  return currencies.flatMap((currency) => {
    const currentMinor = current[currency] ?? 0n;
    const nextMinor = next[currency] ?? 0n;
    return currentMinor === nextMinor ? [] : [{ fee, currency, currentMinor, nextMinor, direction: direction(currentMinor, nextMinor) }];
  });
}

/**
 * What changes from `current` to `next`. Tiered prices are step functions of volume, so comparing
 * them at every threshold of either schedule covers every volume. A fixed fee for a currency that
 * was not listed counts as a rise from zero.
 */
export function compareSchedules(current: FeeSchedule, next: FeeSchedule): ScheduleComparison {
  assertValidFeeSchedule(current);
  assertValidFeeSchedule(next);
  const changes: FeeChange[] = [];

  const volumes = [...new Set([0n, ...[current, next].flatMap((s) => s.collection.volumeTiers.map((t) => t.fromMonthVolumeCnyMinor))])];
  for (const volume of volumes.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const currentBps = collectionBps(current, volume);
    const nextBps = collectionBps(next, volume);
    if (currentBps !== nextBps) changes.push({ fee: "collection_rate", atMonthVolumeCnyMinor: volume, currentBps, nextBps, direction: direction(currentBps, nextBps) });
  }

  const organization = [current, next].map((s) => surchargeHundredthsBps(s, s.riskSurcharge.highRiskOrganizationPercent));
  if (organization[0] !== organization[1]) {
    changes.push({ fee: "risk_surcharge_organization", currentBps: asBps(organization[0]!), nextBps: asBps(organization[1]!), direction: direction(organization[0]!, organization[1]!) });
  }
  const countries = [...new Set([...current.riskSurcharge.highRiskCountries, ...next.riskSurcharge.highRiskCountries])].sort();
  for (const country of countries) {
    const [before, after] = [current, next].map((s) =>
      s.riskSurcharge.highRiskCountries.includes(country) ? surchargeHundredthsBps(s, s.riskSurcharge.highRiskCountryPercent) : 0n,
    ) as [bigint, bigint];
    if (before !== after) changes.push({ fee: "risk_surcharge_country", country, currentBps: asBps(before), nextBps: asBps(after), direction: direction(before, after) });
  }

  if (current.expeditedPayoutBps !== next.expeditedPayoutBps) {
    changes.push({ fee: "expedited_payout", currentBps: current.expeditedPayoutBps, nextBps: next.expeditedPayoutBps, direction: direction(current.expeditedPayoutBps, next.expeditedPayoutBps) });
  }
  changes.push(...compareFixed("payout_fixed", current.payoutFixed, next.payoutFixed));
  changes.push(...compareFixed("statement_import_fixed", current.statementImportFixed, next.statementImportFixed));
  changes.push(...compareFixed("chargeback_fixed", current.chargebackFixed, next.chargebackFixed));

  const fxBounds = [...new Set([...current.fx.tiers, ...next.fx.tiers].map((t) => t.fromCnyMinor))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const atCnyMinor of fxBounds) {
    const [before, after] = [tierFor(current.fx, atCnyMinor), tierFor(next.fx, atCnyMinor)] as const;
    if (before.spreadBps !== after.spreadBps) {
      changes.push({ fee: "fx_spread", atCnyMinor, currentBps: before.spreadBps, nextBps: after.spreadBps, direction: direction(before.spreadBps, after.spreadBps) });
    }
    if (before.feeBps !== after.feeBps) {
      changes.push({ fee: "fx_fee", atCnyMinor, currentBps: before.feeBps, nextBps: after.feeBps, direction: direction(before.feeBps, after.feeBps) });
    }
  }

  return { raises: changes.some((change) => change.direction === "raised"), changes };
}

/** The earliest a new schedule may take effect: 30 days after publication if it raises any fee, else at once. */
export function earliestEffectiveDate(publishedOn: string, raises: boolean): string {
  if (!isIsoDate(publishedOn)) throw new RangeError(`Not a date: ${publishedOn}`);
  return raises ? addDays(publishedOn, FEE_RAISE_NOTICE_DAYS) : publishedOn;
}

export type ScheduleChangeProblem = "version_not_increasing" | "effective_before_publication" | "raise_without_notice";

/** Why `next` cannot be published on `publishedOn` to follow `current`, or null. */
export function scheduleChangeProblem(current: FeeSchedule, next: FeeSchedule, publishedOn: string): ScheduleChangeProblem | null {
  if (next.version <= current.version) return "version_not_increasing";
  if (next.effectiveFrom < publishedOn) return "effective_before_publication";
  const { raises } = compareSchedules(current, next);
  if (next.effectiveFrom < earliestEffectiveDate(publishedOn, raises)) return "raise_without_notice";
  return null;
}
