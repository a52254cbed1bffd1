export const PAYOUT_STATUSES = ["requested", "approved", "sent", "paid", "failed", "returned", "cancelled"] as const;
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];

export type PayoutEvent = "approve" | "cancel" | "send" | "confirm_paid" | "fail" | "return";

export type PayoutRefusal = "payout_final" | "payout_not_requested" | "payout_not_approved" | "payout_not_sent";

export const FINAL_PAYOUT_STATUSES: ReadonlySet<PayoutStatus> = new Set(["paid", "failed", "returned", "cancelled"]);

/**
 * requested → approved → sent → paid; a sent payout may instead fail or be returned by the bank
 * (the caller reverses the amount back to available); only a payout still awaiting approval can be
 * cancelled. paid, failed, returned and cancelled are final.
 */
const TRANSITIONS: Readonly<Record<PayoutEvent, { from: PayoutStatus; to: PayoutStatus; refusal: PayoutRefusal }>> = {
  approve: { from: "requested", to: "approved", refusal: "payout_not_requested" },
  cancel: { from: "requested", to: "cancelled", refusal: "payout_not_requested" },
  send: { from: "approved", to: "sent", refusal: "payout_not_approved" },
  confirm_paid: { from: "sent", to: "paid", refusal: "payout_not_sent" },
  fail: { from: "sent", to: "failed", refusal: "payout_not_sent" },
  return: { from: "sent", to: "returned", refusal: "payout_not_sent" },
};

export type PayoutTransition = { ok: true; status: PayoutStatus } | { ok: false; code: PayoutRefusal };

export function nextPayoutStatus(current: PayoutStatus, event: PayoutEvent): PayoutTransition {
  if (FINAL_PAYOUT_STATUSES.has(current)) return { ok: false, code: "payout_final" };
  const transition = TRANSITIONS[event];
  return current === transition.from ? { ok: true, status: transition.to } : { ok: false, code: transition.refusal };
}

/**
 * The maker-checker threshold until an owner sets one: CNY 20,000.00, below the standard tier's daily payout limit
 * (CNY 50,000) so that a standard organization's larger payouts see a second pair of eyes from the start.
 */
export const DEFAULT_APPROVAL_THRESHOLD_CNY_MINOR = 2_000_000n;

/** Maker-checker: a payout worth strictly more than the organization's threshold needs an owner's approval. */
export function needsSecondApproval(input: { amountCnyMinor: bigint; thresholdCnyMinor: bigint }): boolean {
  return input.amountCnyMinor > input.thresholdCnyMinor;
}

export type ApprovalRefusal = "approver_is_requester" | "approver_not_owner";

/** The second approver must be an owner and someone other than the member who requested the payout (none for a settlement run's). */
export function canApprove(input: {
  requesterId: string | null;
  approverId: string;
  approverRole: string;
}): { ok: true } | { ok: false; code: ApprovalRefusal } {
  if (input.approverId === input.requesterId) return { ok: false, code: "approver_is_requester" };
  if (input.approverRole !== "owner") return { ok: false, code: "approver_not_owner" };
  return { ok: true };
}

export const PAYOUT_SPEEDS = ["standard", "expedited"] as const;
export type PayoutSpeed = (typeof PAYOUT_SPEEDS)[number];

/** The statuses in which a payout still counts against the day's limits: it has left available and not come back. */
export function countsAgainstLimits(status: PayoutStatus): boolean {
  return status !== "cancelled" && status !== "failed" && status !== "returned";
}

/**
 * The currencies a verified settlement bank account receives. Its Chinese account (account number + CNAPS) always
 * takes CNY. When the KYB bank section declares a foreign-currency account (with its SWIFT/BIC, and an IBAN where
 * the bank's country uses them) it is taken as a multi-currency foreign-exchange account (经常项目外汇账户), which
 * receives every other currency the platform collects in; without one, foreign money must be converted to CNY first.
 */
export function acceptedPayoutCurrencies(input: { foreignCurrency: boolean }, collectionCurrencies: readonly string[]): string[] {
  const foreign = input.foreignCurrency ? collectionCurrencies.filter((currency) => currency !== "CNY") : [];
  return ["CNY", ...foreign];
}
