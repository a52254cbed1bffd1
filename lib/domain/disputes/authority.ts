import type { DisputeTier } from "./categories";

/** Anyone who may act on a case: the platform's staff, or a member of the factory. */
export type DisputeActorRole = "dispute_agent" | "platform_admin" | "kyc_reviewer" | "owner" | "finance" | "viewer";

export type DecisionRefusal = "dispute_decision_staff_only" | "dispute_decision_needs_admin";

/**
 * Agents decide L1 and L2 cases; an L3 case is a management decision that only a platform admin takes. An admin may
 * also decide L1 and L2 cases. Factory members and KYB reviewers decide nothing.
 */
export function decisionRefusal({ tier, role }: { tier: DisputeTier; role: DisputeActorRole }): DecisionRefusal | null {
  if (role === "platform_admin") return null;
  if (role !== "dispute_agent") return "dispute_decision_staff_only";
  return tier === "L3" ? "dispute_decision_needs_admin" : null;
}

export function canDecide(actor: { tier: DisputeTier; role: DisputeActorRole }): boolean {
  return decisionRefusal(actor) === null;
}
