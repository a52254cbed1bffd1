import type { Executor } from "@/db/client";
import { type FeeLine, payoutFees, totalFees } from "@/lib/domain/fees";
import { type CurrencyCode, formatAmount, isCurrencyCode } from "@/lib/domain/money";
import type { PayoutSpeed } from "@/lib/domain/settlement/payout";
import { ActionError } from "../guard/action-error";
import { feeScheduleOn } from "../fees/schedules";

export interface PayoutPrice {
  feeLines: FeeLine[];
  feeMinor: bigint;
  netMinor: bigint;
}

export interface PreviewPayoutInput {
  organizationId: string;
  currency: CurrencyCode;
  amountMinor: bigint;
  speed: PayoutSpeed;
  /** The China-time date whose fee schedule prices the payout (YYYY-MM-DD). */
  date: string;
}

/**
 * The fees of a payout of `amountMinor` taken from available, and what reaches the bank account: the fixed payout
 * fee, plus the expedited fee on the amount for a same-day payout. Refused when the fees would eat it all.
 * Writes nothing: the request form shows this before the member confirms, and createPayout posts the same lines.
 */
export async function previewPayout(executor: Executor, input: PreviewPayoutInput): Promise<PayoutPrice> {
  if (!isCurrencyCode(input.currency)) throw new ActionError("validation.choice");
  if (input.amountMinor <= 0n) throw new ActionError("amount_zero_not_allowed");
  const schedule = await feeScheduleOn(input.organizationId, input.date, executor);
  const feeLines = payoutFees(schedule, { amountMinor: input.amountMinor, currency: input.currency, expedited: input.speed === "expedited" });
  const feeMinor = totalFees(input.currency, feeLines);
  if (input.amountMinor <= feeMinor) {
    throw new ActionError("payout_amount_below_fees", { fees: formatAmount(feeMinor, input.currency, "en"), currency: input.currency });
  }
  return { feeLines, feeMinor, netMinor: input.amountMinor - feeMinor };
}
