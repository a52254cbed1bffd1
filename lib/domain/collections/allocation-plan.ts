import { allocate } from "../money";

/** One unpaid instalment as the plan sees it, in the invoice's currency. */
export interface PlanInstalment {
  readonly id: string;
  readonly outstandingMinor: bigint;
}

export interface PlanRequest {
  /** The part of the payment being applied, in the payment's currency. */
  readonly amountMinor: bigint;
  /** What it settles in the invoice's currency; required when the currencies differ. */
  readonly invoiceAmountMinor?: bigint;
  /** A shortfall written off as charges the banks deducted on the way (invoice currency). */
  readonly bankChargesMinor?: bigint;
  readonly sameCurrency: boolean;
}

export interface PlannedPart {
  readonly instalmentId: string;
  /** Money taken from the payment (payment currency). */
  readonly amountMinor: bigint;
  /** What this part settles of the instalment, without the charges (invoice currency). */
  readonly invoiceAmountMinor: bigint;
  readonly bankChargesMinor: bigint;
}

export interface AllocationPlan {
  readonly parts: readonly PlannedPart[];
  /** Payment money beyond what the invoice still owes: kept as the buyer's credit. */
  readonly excessMinor: bigint;
}

export class AllocationPlanError extends Error {
  constructor(readonly code: "invalid_allocation_amount" | "invoice_already_paid" | "invoice_amount_required") {
    super(code);
    this.name = "AllocationPlanError";
  }
}

/**
 * Applies a payment to an invoice's unpaid instalments, oldest first. In the same currency the settled amount is
 * the payment plus any bank charges, capped at what is owed; the rest is excess (never together with charges,
 * which only make sense for a shortfall). Across currencies the person states the settled amount and there is
 * no excess. Money and charges are split over the touched instalments in proportion to what each settles
 * (largest remainder), so every part sums exactly.
 */
export function planAllocation(instalments: readonly PlanInstalment[], request: PlanRequest): AllocationPlan {
  const charges = request.bankChargesMinor ?? 0n;
  if (request.amountMinor <= 0n || charges < 0n) throw new AllocationPlanError("invalid_allocation_amount");
  const owed = instalments.reduce((sum, instalment) => sum + instalment.outstandingMinor, 0n);
  if (owed <= 0n) throw new AllocationPlanError("invoice_already_paid");

  let settled: bigint;
  let excess = 0n;
  if (request.sameCurrency) {
    if (request.invoiceAmountMinor !== undefined && request.invoiceAmountMinor !== request.amountMinor) {
      throw new AllocationPlanError("invalid_allocation_amount");
    }
    const offered = request.amountMinor + charges;
    if (offered > owed) {
      if (charges > 0n) throw new AllocationPlanError("invalid_allocation_amount");
      excess = offered - owed;
    }
    settled = offered - excess;
  } else {
    if (request.invoiceAmountMinor === undefined) throw new AllocationPlanError("invoice_amount_required");
    settled = request.invoiceAmountMinor + charges;
    if (request.invoiceAmountMinor <= 0n || settled > owed) throw new AllocationPlanError("invalid_allocation_amount");
  }

  const settledParts: { id: string; settled: bigint }[] = [];
  let left = settled;
  for (const instalment of instalments) {
    if (left === 0n) break;
    if (instalment.outstandingMinor <= 0n) continue;
    const take = left < instalment.outstandingMinor ? left : instalment.outstandingMinor;
    settledParts.push({ id: instalment.id, settled: take });
    left -= take;
  }

  const weights = settledParts.map((part) => part.settled);
  const money = allocate(request.amountMinor - excess, weights);
  const chargeParts = charges > 0n ? allocate(charges, weights) : weights.map(() => 0n);
  const parts = settledParts.map((part, index) => ({
    instalmentId: part.id,
    amountMinor: money[index]!,
    invoiceAmountMinor: part.settled - chargeParts[index]!,
    bankChargesMinor: chargeParts[index]!,
  }));
  // A part that takes no money (tiny share of a cross-currency payment) would be an empty allocation.
  if (parts.some((part) => part.amountMinor <= 0n)) throw new AllocationPlanError("invalid_allocation_amount");
  return { parts, excessMinor: excess };
}
