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

/** Maker-checker: a payout worth strictly more than the organization's threshold needs an owner's approval. */
export function needsSecondApproval(input: { amountCnyMinor: bigint; thresholdCnyMinor: bigint }): boolean {
  return input.amountCnyMinor > input.thresholdCnyMinor;
}

export type ApprovalRefusal = "approver_is_requester" | "approver_not_owner";

/** The second approver must be an owner and someone other than the member who requested the payout. */
export function canApprove(input: {
  requesterId: string;
  approverId: string;
  approverRole: string;
}): { ok: true } | { ok: false; code: ApprovalRefusal } {
  if (input.approverId === input.requesterId) return { ok: false, code: "approver_is_requester" };
  if (input.approverRole !== "owner") return { ok: false, code: "approver_not_owner" };
  return { ok: true };
}
