import type { Money } from "../money";

export type DisputedAmountRefusal = "dispute_amount_not_positive" | "dispute_amount_above_paid" | "dispute_amount_currency_mismatch";

/**
 * The disputed amount must be positive, in the currency of the payment, and no more than what was paid. For a
 * "payment not received" case nothing was paid yet: the caller passes the invoice's open amount as the limit.
 */
export function disputedAmountRefusal(disputed: Money, paid: Money): DisputedAmountRefusal | null {
  if (disputed.currency !== paid.currency) return "dispute_amount_currency_mismatch";
  if (disputed.amountMinor <= 0n) return "dispute_amount_not_positive";
  if (disputed.amountMinor > paid.amountMinor) return "dispute_amount_above_paid";
  return null;
}
