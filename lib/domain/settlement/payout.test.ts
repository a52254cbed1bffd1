import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  acceptedPayoutCurrencies,
  canApprove,
  countsAgainstLimits,
  DEFAULT_APPROVAL_THRESHOLD_CNY_MINOR,
  FINAL_PAYOUT_STATUSES,
  needsSecondApproval,
  nextPayoutStatus,
  PAYOUT_STATUSES,
  type PayoutEvent,
} from "./payout";

const EVENTS: PayoutEvent[] = ["approve", "cancel", "send", "confirm_paid", "fail", "return"];

describe("nextPayoutStatus", () => {
  it.each([
    ["requested", "approve", "approved"],
    ["requested", "cancel", "cancelled"],
    ["approved", "send", "sent"],
    ["sent", "confirm_paid", "paid"],
    ["sent", "fail", "failed"],
    ["sent", "return", "returned"],
  ] as const)("%s --%s--> %s", (from, event, to) => {
    expect(nextPayoutStatus(from, event)).toEqual({ ok: true, status: to });
  });

  it.each([
    ["requested", "send", "payout_not_approved"],
    ["requested", "confirm_paid", "payout_not_sent"],
    ["requested", "return", "payout_not_sent"],
    ["approved", "approve", "payout_not_requested"],
    ["approved", "cancel", "payout_not_requested"],
    ["approved", "fail", "payout_not_sent"],
    ["sent", "cancel", "payout_not_requested"],
    ["sent", "send", "payout_not_approved"],
    ["paid", "return", "payout_final"],
    ["failed", "send", "payout_final"],
    ["returned", "confirm_paid", "payout_final"],
    ["cancelled", "approve", "payout_final"],
  ] as const)("refuses %s --%s--> with %s", (from, event, code) => {
    expect(nextPayoutStatus(from, event)).toEqual({ ok: false, code });
  });

  it("never leaves a final status, and every sequence of events ends in a known status", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...EVENTS), { maxLength: 10 }), (events) => {
        let status: (typeof PAYOUT_STATUSES)[number] = "requested";
        for (const event of events) {
          const result = nextPayoutStatus(status, event);
          if (FINAL_PAYOUT_STATUSES.has(status)) expect(result.ok).toBe(false);
          if (result.ok) status = result.status;
        }
        expect(PAYOUT_STATUSES).toContain(status);
      }),
    );
  });
});

describe("maker-checker", () => {
  it("needs a second approval strictly above the threshold", () => {
    expect(needsSecondApproval({ amountCnyMinor: 4_999_999n, thresholdCnyMinor: 5_000_000n })).toBe(false);
    expect(needsSecondApproval({ amountCnyMinor: 5_000_000n, thresholdCnyMinor: 5_000_000n })).toBe(false);
    expect(needsSecondApproval({ amountCnyMinor: 5_000_001n, thresholdCnyMinor: 5_000_000n })).toBe(true);
  });

  it("lets only an owner other than the requester approve", () => {
    expect(canApprove({ requesterId: "u1", approverId: "u2", approverRole: "owner" })).toEqual({ ok: true });
    expect(canApprove({ requesterId: "u1", approverId: "u1", approverRole: "owner" })).toEqual({ ok: false, code: "approver_is_requester" });
    expect(canApprove({ requesterId: "u1", approverId: "u2", approverRole: "finance" })).toEqual({ ok: false, code: "approver_not_owner" });
    expect(canApprove({ requesterId: "u1", approverId: "u2", approverRole: "viewer" })).toEqual({ ok: false, code: "approver_not_owner" });
  });
});

describe("a settlement run's payout and the accounts it goes to", () => {
  it("any owner approves a payout nobody requested", () => {
    expect(canApprove({ requesterId: null, approverId: "u1", approverRole: "owner" })).toEqual({ ok: true });
    expect(canApprove({ requesterId: null, approverId: "u1", approverRole: "finance" })).toEqual({ ok: false, code: "approver_not_owner" });
  });

  it("counts against the day's limits until the money came back", () => {
    expect(PAYOUT_STATUSES.filter(countsAgainstLimits)).toEqual(["requested", "approved", "sent", "paid"]);
  });

  it("a CNY account receives CNY only; a foreign-currency account every collection currency too", () => {
    const collected = ["USD", "EUR", "CNY", "HKD"];
    expect(acceptedPayoutCurrencies({ foreignCurrency: false }, collected)).toEqual(["CNY"]);
    expect(acceptedPayoutCurrencies({ foreignCurrency: true }, collected)).toEqual(["CNY", "USD", "EUR", "HKD"]);
  });

  it("the default threshold asks a second pair of eyes above CNY 20,000.00", () => {
    expect(needsSecondApproval({ amountCnyMinor: 2_000_000n, thresholdCnyMinor: DEFAULT_APPROVAL_THRESHOLD_CNY_MINOR })).toBe(false);
    expect(needsSecondApproval({ amountCnyMinor: 2_000_001n, thresholdCnyMinor: DEFAULT_APPROVAL_THRESHOLD_CNY_MINOR })).toBe(true);
  });
});
