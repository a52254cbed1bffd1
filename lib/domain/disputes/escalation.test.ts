import { describe, expect, it } from "vitest";
import { agentEscalation, DEFAULT_ESCALATION_RULES, escalationFor, type EscalationContext } from "./escalation";
import type { DisputeTimeline } from "./service-levels";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const opened = new Date("2026-03-02T08:00:00Z");
const at = (hours: number) => new Date(opened.getTime() + hours * HOUR);
const timeline = (over: Partial<DisputeTimeline> = {}): DisputeTimeline => ({
  tier: "L1",
  tierEnteredAt: opened,
  firstResponseAt: null,
  proposedAt: null,
  decidedAt: null,
  ...over,
});
const quiet: EscalationContext = { disputedCnyMinor: 500_000n, buyerCasesOpenedAt: [opened] };

describe("escalationFor", () => {
  it("leaves a case within its service level alone", () => {
    expect(escalationFor(timeline(), quiet, at(24))).toBeNull();
  });

  it("moves a breached L1 case to L2, naming each breached level", () => {
    expect(escalationFor(timeline(), quiet, at(25))).toEqual({
      from: "L1",
      to: "L2",
      reasons: [
        { kind: "service_level_breached", deadline: "first_response" },
        { kind: "service_level_breached", deadline: "resolution" },
      ],
    });
  });

  it("moves a breached L2 case to L3 and never escalates past L3", () => {
    const l2 = timeline({ tier: "L2" });
    expect(escalationFor(l2, quiet, at(49))).toMatchObject({ from: "L2", to: "L3" });
    const rules = { ...DEFAULT_ESCALATION_RULES, serviceLevels: { ...DEFAULT_ESCALATION_RULES.serviceLevels, L3: { decisionHours: 24 } } };
    expect(escalationFor(timeline({ tier: "L3" }), { ...quiet, rules }, at(100))).toBeNull();
  });

  it("sends an amount strictly above the threshold straight to L3", () => {
    const threshold = DEFAULT_ESCALATION_RULES.amountThresholdCnyMinor;
    expect(escalationFor(timeline(), { ...quiet, disputedCnyMinor: threshold }, at(1))).toBeNull();
    expect(escalationFor(timeline(), { ...quiet, disputedCnyMinor: threshold + 1n }, at(1))).toEqual({
      from: "L1",
      to: "L3",
      reasons: [{ kind: "amount_above_threshold", disputedCnyMinor: threshold + 1n, thresholdCnyMinor: threshold }],
    });
  });

  it("applies no amount rule without a rate", () => {
    expect(escalationFor(timeline(), { ...quiet, disputedCnyMinor: null }, at(1))).toBeNull();
  });

  it("sends a buyer's third case within 90 days to L3, counting only the window", () => {
    const now = at(1);
    const third = [new Date(now.getTime() - 89 * DAY), new Date(now.getTime() - 10 * DAY), opened];
    expect(escalationFor(timeline(), { ...quiet, buyerCasesOpenedAt: third }, now)).toEqual({
      from: "L1",
      to: "L3",
      reasons: [{ kind: "repeated_buyer", cases: 3, days: 90 }],
    });
    const oneTooOld = [new Date(now.getTime() - 90 * DAY), new Date(now.getTime() - 10 * DAY), opened];
    expect(escalationFor(timeline(), { ...quiet, buyerCasesOpenedAt: oneTooOld }, now)).toBeNull();
  });

  it("takes the highest target and lists every rule that lifts the case", () => {
    const result = escalationFor(timeline(), { ...quiet, disputedCnyMinor: 30_000_000n }, at(30));
    expect(result?.to).toBe("L3");
    expect(result?.reasons.map((r) => r.kind)).toEqual(["service_level_breached", "service_level_breached", "amount_above_threshold"]);
  });

  it("keeps only the rules that lift an L2 case: a breach of L2 and a large amount both go to L3", () => {
    const result = escalationFor(timeline({ tier: "L2" }), { ...quiet, disputedCnyMinor: 30_000_000n }, at(10));
    expect(result).toMatchObject({ from: "L2", to: "L3", reasons: [{ kind: "amount_above_threshold" }] });
  });

  it("leaves a decided case alone", () => {
    expect(escalationFor(timeline({ decidedAt: at(30) }), { ...quiet, disputedCnyMinor: 10n ** 12n }, at(40))).toBeNull();
  });
});

describe("agentEscalation", () => {
  it("moves a case up with the agent's reason", () => {
    expect(agentEscalation("L1", "L3", "  Legal threat from the buyer's counsel ")).toEqual({
      ok: true,
      escalation: { from: "L1", to: "L3", reasons: [{ kind: "agent", reason: "Legal threat from the buyer's counsel" }] },
    });
  });

  it.each([
    ["L1", "L2", "   ", "dispute_escalation_reason_required"],
    ["L1", "L2", "x".repeat(1001), "dispute_escalation_reason_too_long"],
    ["L2", "L2", "same tier", "dispute_escalation_not_higher"],
    ["L3", "L1", "down", "dispute_escalation_not_higher"],
  ] as const)("%s → %s with %j is refused: %s", (from, to, reason, code) => {
    expect(agentEscalation(from, to, reason)).toEqual({ ok: false, code });
  });
});
