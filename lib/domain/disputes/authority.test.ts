import { describe, expect, it } from "vitest";
import { canDecide, decisionRefusal } from "./authority";

describe("who may decide", () => {
  it.each([
    ["L1", "dispute_agent", null],
    ["L2", "dispute_agent", null],
    ["L3", "dispute_agent", "dispute_decision_needs_admin"],
    ["L1", "platform_admin", null],
    ["L3", "platform_admin", null],
    ["L1", "kyc_reviewer", "dispute_decision_staff_only"],
    ["L1", "owner", "dispute_decision_staff_only"],
    ["L2", "finance", "dispute_decision_staff_only"],
  ] as const)("%s by %s → %s", (tier, role, refusal) => {
    expect(decisionRefusal({ tier, role })).toBe(refusal);
    expect(canDecide({ tier, role })).toBe(refusal === null);
  });
});
