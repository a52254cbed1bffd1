import Decimal from "decimal.js";
import { DISPUTE_TIERS, ROOT_CAUSES, type DisputeTier, type RootCause } from "./categories";
import { DISPUTE_OUTCOMES, type DisputeOutcome } from "./money-plan";

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN });

/** One case as the statistics read it; the caller picks the period and the organization (or all, for admins). */
export interface CaseRecord {
  readonly buyerId: string;
  /** ISO 3166-1 alpha-2 of the buyer. */
  readonly buyerCountry: string;
  /** The tier the case is in, or was decided in. */
  readonly tier: DisputeTier;
  readonly openedAt: Date;
  /** When it was resolved or withdrawn; null while open. */
  readonly decidedAt: Date | null;
  readonly outcome: DisputeOutcome | null;
  /** False once any service level of the case was breached, in any tier. */
  readonly withinServiceLevel: boolean;
  readonly rootCause: RootCause | null;
}

/** How many invoices a buyer was issued in the same period: the rate's denominator. */
export interface BuyerActivity {
  readonly buyerId: string;
  readonly buyerCountry: string;
  readonly invoices: number;
}

export interface DisputeRate {
  readonly key: string;
  readonly cases: number;
  readonly invoices: number;
  /** cases ÷ invoices in percent, 2 decimals, half-even; null with no invoices. */
  readonly ratePercent: string | null;
}

/** part ÷ whole in percent, 2 decimals, half-even; null for an empty whole. */
export function sharePercent(part: number, whole: number): string | null {
  return whole === 0 ? null : new D(part).times(100).dividedBy(whole).toFixed(2);
}

function rates(caseKeys: readonly string[], invoiceCounts: ReadonlyMap<string, number>): DisputeRate[] {
  const cases = new Map<string, number>();
  for (const key of caseKeys) cases.set(key, (cases.get(key) ?? 0) + 1);
  const keys = new Set([...cases.keys(), ...invoiceCounts.keys()]);
  return [...keys]
    .map((key) => {
      const count = cases.get(key) ?? 0;
      const invoices = invoiceCounts.get(key) ?? 0;
      return { key, cases: count, invoices, ratePercent: sharePercent(count, invoices) };
    })
    .sort((a, b) => b.cases - a.cases || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Dispute rate = cases opened ÷ invoices issued, per buyer and per buyer country; most cases first. */
export function disputeRates(cases: readonly CaseRecord[], activity: readonly BuyerActivity[]): { byBuyer: DisputeRate[]; byCountry: DisputeRate[] } {
  const invoicesByBuyer = new Map<string, number>();
  const invoicesByCountry = new Map<string, number>();
  for (const { buyerId, buyerCountry, invoices } of activity) {
    invoicesByBuyer.set(buyerId, (invoicesByBuyer.get(buyerId) ?? 0) + invoices);
    invoicesByCountry.set(buyerCountry, (invoicesByCountry.get(buyerCountry) ?? 0) + invoices);
  }
  return {
    byBuyer: rates(cases.map((c) => c.buyerId), invoicesByBuyer),
    byCountry: rates(cases.map((c) => c.buyerCountry), invoicesByCountry),
  };
}

/**
 * Median time from opening to decision over resolved cases (withdrawn ones are not resolutions), in milliseconds;
 * with an even count the mean of the middle two, rounded down to the millisecond. Null with no resolved case.
 */
export function medianTimeToResolveMs(cases: readonly CaseRecord[]): number | null {
  const durations = cases
    .filter((c) => c.decidedAt !== null && c.outcome !== null && c.outcome !== "withdrawn")
    .map((c) => c.decidedAt!.getTime() - c.openedAt.getTime())
    .sort((a, b) => a - b);
  if (durations.length === 0) return null;
  const middle = Math.floor(durations.length / 2);
  return durations.length % 2 === 1 ? durations[middle]! : Math.floor((durations[middle - 1]! + durations[middle]!) / 2);
}

/** Decided cases (withdrawn included: their timers ran too) that kept every service level. */
export function serviceLevelShare(cases: readonly CaseRecord[]): { within: number; total: number; percent: string | null } {
  const decided = cases.filter((c) => c.decidedAt !== null);
  const within = decided.filter((c) => c.withinServiceLevel).length;
  return { within, total: decided.length, percent: sharePercent(within, decided.length) };
}

/** Per tier, for the platform dashboard: open cases, and the decided cases' service-level share. */
export function casesByTier(cases: readonly CaseRecord[]): { tier: DisputeTier; open: number; serviceLevel: ReturnType<typeof serviceLevelShare> }[] {
  return DISPUTE_TIERS.map((tier) => {
    const inTier = cases.filter((c) => c.tier === tier);
    return { tier, open: inTier.filter((c) => c.decidedAt === null).length, serviceLevel: serviceLevelShare(inTier) };
  });
}

export function outcomeCounts(cases: readonly CaseRecord[]): Record<DisputeOutcome, number> {
  const counts = Object.fromEntries(DISPUTE_OUTCOMES.map((outcome) => [outcome, 0])) as Record<DisputeOutcome, number>;
  for (const c of cases) if (c.decidedAt !== null && c.outcome !== null) counts[c.outcome] += 1;
  return counts;
}

export function rootCauseCounts(cases: readonly CaseRecord[]): Record<RootCause, number> {
  const counts = Object.fromEntries(ROOT_CAUSES.map((cause) => [cause, 0])) as Record<RootCause, number>;
  for (const c of cases) if (c.rootCause !== null) counts[c.rootCause] += 1;
  return counts;
}
