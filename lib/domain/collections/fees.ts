import { collectionFee, type FeeLine, type FeeSchedule, type FeeType } from "../fees";
import type { RiskLevel } from "../kyb/risk";
import type { CurrencyCode } from "../money";
import { AllocationPlanError, planAllocation, type PlanRequest } from "./allocation-plan";

/** What prices a collection besides its amount: the schedule in effect, the month so far, who collects and who pays. */
export interface CollectionFeeTerms {
  schedule: FeeSchedule;
  /** The organization's collections this month (China time) before this one, in CNY equivalent. */
  monthVolumeCnyMinor: bigint;
  /** From the organization's approved KYB application; "standard" when none. */
  riskLevel: RiskLevel;
  /** The payer's country (the buyer's), when known. */
  country: string | null;
}

/**
 * The fee lines of each part of one collection: the money one request applies to one invoice, split over its
 * instalments (each part is its own allocation and ledger entry). Every part is priced on its own, half-up, at
 * the volume tier reached before the collection, so what a person is shown before matching is what each entry
 * carries.
 */
export function collectionPartFees(terms: CollectionFeeTerms, currency: CurrencyCode, partAmountsMinor: readonly bigint[]): FeeLine[][] {
  return partAmountsMinor.map((amountMinor) =>
    collectionFee(terms.schedule, {
      amountMinor,
      currency,
      monthVolumeCnyMinor: terms.monthVolumeCnyMinor,
      riskLevel: terms.riskLevel,
      country: terms.country,
    }),
  );
}

/** One kind of fee of a preview, summed over the parts (which share its rate). */
export interface PreviewFee {
  type: FeeType;
  rate: string | null;
  amountMinor: bigint;
}

export interface MatchFeePreview {
  /** The money that goes to the invoice (gross), in the payment's currency. */
  appliedMinor: bigint;
  fees: PreviewFee[];
  feeMinor: bigint;
  /** What reaches the available balance: applied − fees. */
  netMinor: bigint;
  /** What exceeds the invoice and is kept as the buyer's credit, charged nothing for now. */
  creditMinor: bigint;
}

/**
 * What a manual match would charge, before the person confirms it: the same plan over the invoice's unpaid
 * instalments (oldest first) and the same per-part fees the match posts. Null when the match would be refused.
 */
export function matchFeePreview(
  terms: CollectionFeeTerms,
  currency: CurrencyCode,
  outstandingMinor: readonly bigint[],
  request: PlanRequest,
): MatchFeePreview | null {
  let plan;
  try {
    plan = planAllocation(
      outstandingMinor.map((outstanding, index) => ({ id: String(index), outstandingMinor: outstanding })),
      request,
    );
  } catch (error) {
    if (error instanceof AllocationPlanError) return null;
    throw error;
  }
  const parts = plan.parts.map((part) => part.amountMinor);
  const fees = new Map<FeeType, PreviewFee>();
  for (const line of collectionPartFees(terms, currency, parts).flat()) {
    const seen = fees.get(line.type);
    if (seen) seen.amountMinor += line.amountMinor;
    else fees.set(line.type, { type: line.type, rate: line.rate, amountMinor: line.amountMinor });
  }
  const appliedMinor = parts.reduce((sum, amount) => sum + amount, 0n);
  const feeMinor = [...fees.values()].reduce((sum, fee) => sum + fee.amountMinor, 0n);
  return { appliedMinor, fees: [...fees.values()], feeMinor, netMinor: appliedMinor - feeMinor, creditMinor: plan.excessMinor };
}
