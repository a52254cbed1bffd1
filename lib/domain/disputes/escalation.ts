import { compareTiers, nextTier, type DisputeTier } from "./categories";
import { breaches, DEFAULT_SERVICE_LEVELS, type DeadlineKind, type DisputeTimeline, type ServiceLevelPolicy } from "./service-levels";

export interface EscalationRules {
  /** A disputed amount strictly above this (CNY fen) goes to L3. */
  readonly amountThresholdCnyMinor: bigint;
  /** A buyer with at least `cases` cases opened in the last `days` days (this one included) goes to L3. */
  readonly repeatedBuyer: { readonly cases: number; readonly days: number };
  readonly serviceLevels: ServiceLevelPolicy;
}

/** CNY 200,000 (the premium tier's daily limit) and three cases in 90 days. */
export const DEFAULT_ESCALATION_RULES: EscalationRules = {
  amountThresholdCnyMinor: 20_000_000n,
  repeatedBuyer: { cases: 3, days: 90 },
  serviceLevels: DEFAULT_SERVICE_LEVELS,
};

export interface EscalationContext {
  /** The disputed amount's CNY equivalent at today's rate (fx `cnyEquivalent`); null without a rate, so no amount rule. */
  readonly disputedCnyMinor: bigint | null;
  /** When each of this buyer's cases with the organization was opened, this case included. */
  readonly buyerCasesOpenedAt: readonly Date[];
  readonly rules?: EscalationRules;
}

export type EscalationReason =
  | { readonly kind: "service_level_breached"; readonly deadline: DeadlineKind }
  | { readonly kind: "amount_above_threshold"; readonly disputedCnyMinor: bigint; readonly thresholdCnyMinor: bigint }
  | { readonly kind: "repeated_buyer"; readonly cases: number; readonly days: number }
  | { readonly kind: "agent"; readonly reason: string };

export interface Escalation {
  readonly from: DisputeTier;
  readonly to: DisputeTier;
  readonly reasons: readonly EscalationReason[];
}

const DAY_MS = 86_400_000;

/**
 * Where the rules send an undecided case as of `now`, or null to leave it: a breach moves it one tier up (an L3
 * breach is flagged, not escalated); a large amount or a repeated buyer sends it to L3. Every rule that lifts the
 * case above its current tier is given as a reason; the highest target wins.
 */
export function escalationFor(timeline: DisputeTimeline, context: EscalationContext, now: Date): Escalation | null {
  if (timeline.decidedAt !== null) return null;
  const rules = context.rules ?? DEFAULT_ESCALATION_RULES;
  const candidates: { to: DisputeTier; reason: EscalationReason }[] = [];

  const above = nextTier(timeline.tier);
  if (above) {
    for (const breach of breaches(timeline, now, rules.serviceLevels)) {
      candidates.push({ to: above, reason: { kind: "service_level_breached", deadline: breach.kind } });
    }
  }
  const { disputedCnyMinor } = context;
  if (disputedCnyMinor !== null && disputedCnyMinor > rules.amountThresholdCnyMinor) {
    candidates.push({ to: "L3", reason: { kind: "amount_above_threshold", disputedCnyMinor, thresholdCnyMinor: rules.amountThresholdCnyMinor } });
  }
  const { cases, days } = rules.repeatedBuyer;
  const windowStart = now.getTime() - days * DAY_MS;
  const recent = context.buyerCasesOpenedAt.filter((openedAt) => openedAt.getTime() > windowStart && openedAt <= now).length;
  if (recent >= cases) candidates.push({ to: "L3", reason: { kind: "repeated_buyer", cases: recent, days } });

  const lifting = candidates.filter((candidate) => compareTiers(candidate.to, timeline.tier) > 0);
  if (lifting.length === 0) return null;
  const to = lifting.reduce<DisputeTier>((highest, candidate) => (compareTiers(candidate.to, highest) > 0 ? candidate.to : highest), lifting[0]!.to);
  return { from: timeline.tier, to, reasons: lifting.map((candidate) => candidate.reason) };
}

export const MAX_ESCALATION_REASON_LENGTH = 1000;

export type AgentEscalationRefusal = "dispute_escalation_reason_required" | "dispute_escalation_reason_too_long" | "dispute_escalation_not_higher";

/** An agent moves a case to any higher tier, always with a reason; a case never goes down a tier. */
export function agentEscalation(
  from: DisputeTier,
  to: DisputeTier,
  reason: string,
): { ok: true; escalation: Escalation } | { ok: false; code: AgentEscalationRefusal } {
  const text = reason.trim();
  if (text === "") return { ok: false, code: "dispute_escalation_reason_required" };
  if (text.length > MAX_ESCALATION_REASON_LENGTH) return { ok: false, code: "dispute_escalation_reason_too_long" };
  if (compareTiers(to, from) <= 0) return { ok: false, code: "dispute_escalation_not_higher" };
  return { ok: true, escalation: { from, to, reasons: [{ kind: "agent", reason: text }] } };
}
