import type { CurrencyCode } from "../money";

/** A part of a payment kept as the buyer's credit (a `buyer_credit` allocation). */
export interface CreditAllocation {
  currency: CurrencyCode;
  amountMinor: bigint;
  reversed: boolean;
  /**
   * Card money kept as credit that has not cleared yet: it is still in the organization's pending balance, not in
   * the buyer_credit account a refund is paid from (clearing moves it there).
   */
  viaCard: boolean;
}

export interface PastRefund {
  currency: CurrencyCode;
  amountMinor: bigint;
  status: "sent" | "returned";
}

export interface BuyerCredit {
  currency: CurrencyCode;
  /** What may be refunded: live bank credit minus refunds sent. */
  refundableMinor: bigint;
  /** Card overpayments kept as credit and not cleared yet: owed to the buyer, refundable once the card payment clears. */
  heldByCardMinor: bigint;
}

/**
 * The buyer's credit per currency, in currency order: live buyer-credit allocations minus refunds sent (a returned
 * refund came back, so it no longer lowers the credit). Currencies with nothing left are left out.
 */
export function buyerCreditByCurrency(allocations: readonly CreditAllocation[], refunds: readonly PastRefund[]): BuyerCredit[] {
  const byCurrency = new Map<CurrencyCode, BuyerCredit>();
  const entry = (currency: CurrencyCode) => {
    let found = byCurrency.get(currency);
    if (!found) byCurrency.set(currency, (found = { currency, refundableMinor: 0n, heldByCardMinor: 0n }));
    return found;
  };
  for (const allocation of allocations) {
    if (allocation.reversed) continue;
    if (allocation.viaCard) entry(allocation.currency).heldByCardMinor += allocation.amountMinor;
    else entry(allocation.currency).refundableMinor += allocation.amountMinor;
  }
  for (const refund of refunds) {
    if (refund.status === "sent") entry(refund.currency).refundableMinor -= refund.amountMinor;
  }
  return [...byCurrency.values()]
    .filter((credit) => credit.refundableMinor !== 0n || credit.heldByCardMinor !== 0n)
    .sort((a, b) => a.currency.localeCompare(b.currency));
}

export type RefundAmountError = "refund_no_credit" | "refund_exceeds_credit" | "amount_zero_not_allowed";

/** Whether `amountMinor` may be refunded out of `refundableMinor` of credit. */
export function checkRefundAmount(amountMinor: bigint, refundableMinor: bigint): { ok: true } | { ok: false; error: RefundAmountError } {
  if (amountMinor <= 0n) return { ok: false, error: "amount_zero_not_allowed" };
  if (refundableMinor <= 0n) return { ok: false, error: "refund_no_credit" };
  if (amountMinor > refundableMinor) return { ok: false, error: "refund_exceeds_credit" };
  return { ok: true };
}
