import { describe, expect, it } from "vitest";
import { breaches, compareByDeadline, deadlines, DEFAULT_SERVICE_LEVELS, nextDeadline, type DisputeTimeline } from "./service-levels";

const HOUR = 3_600_000;
const opened = new Date("2026-03-06T09:00:00Z"); // a Friday: calendar hours run through the weekend
const at = (hours: number) => new Date(opened.getTime() + hours * HOUR);
const timeline = (over: Partial<DisputeTimeline> = {}): DisputeTimeline => ({
  tier: "L1",
  tierEnteredAt: opened,
  firstResponseAt: null,
  proposedAt: null,
  decidedAt: null,
  ...over,
});

describe("deadlines", () => {
  it("give L1 a first response and a resolution within 24 calendar hours", () => {
    expect(deadlines(timeline())).toEqual([
      { kind: "first_response", dueAt: at(24), metAt: null },
      { kind: "resolution", dueAt: at(24), metAt: null },
    ]);
  });

  it("give L2 a proposal within 48 hours of entering the tier", () => {
    const escalated = at(30);
    expect(deadlines(timeline({ tier: "L2", tierEnteredAt: escalated }))).toEqual([
      { kind: "proposal", dueAt: at(78), metAt: null },
    ]);
  });

  it("give L3 no timer unless one is configured", () => {
    expect(deadlines(timeline({ tier: "L3" }))).toEqual([]);
    const policy = { ...DEFAULT_SERVICE_LEVELS, L3: { decisionHours: 120 } };
    expect(deadlines(timeline({ tier: "L3" }), policy)).toEqual([{ kind: "decision", dueAt: at(120), metAt: null }]);
  });

  it("count a decision as response, proposal and resolution", () => {
    const decided = timeline({ decidedAt: at(5) });
    expect(deadlines(decided).map((d) => d.metAt)).toEqual([at(5), at(5)]);
    expect(deadlines({ ...decided, tier: "L2" })[0]!.metAt).toEqual(at(5));
  });

  it("ignore what happened before the case entered its tier", () => {
    const l2 = timeline({ tier: "L2", tierEnteredAt: at(25), proposedAt: at(10) });
    expect(deadlines(l2)[0]!.metAt).toBeNull();
  });

  it("refuse a service level that is not a positive number of hours", () => {
    expect(() => deadlines(timeline(), { ...DEFAULT_SERVICE_LEVELS, L1: { firstResponseHours: 0, resolutionHours: 24 } })).toThrow(RangeError);
  });
});

describe("breaches with an injected clock", () => {
  it("are none exactly at the deadline and both L1 levels one millisecond later", () => {
    expect(breaches(timeline(), at(24))).toEqual([]);
    const late = new Date(at(24).getTime() + 1);
    expect(breaches(timeline(), late).map((b) => [b.kind, b.lateByMs])).toEqual([
      ["first_response", 1],
      ["resolution", 1],
    ]);
  });

  it("leave the resolution breached when only the first response came in time", () => {
    expect(breaches(timeline({ firstResponseAt: at(2) }), at(30)).map((b) => b.kind)).toEqual(["resolution"]);
  });

  it("keep a deadline met late as a breach after the fact", () => {
    const decidedLate = timeline({ firstResponseAt: at(1), decidedAt: at(26) });
    expect(breaches(decidedLate, at(500))).toEqual([{ kind: "resolution", dueAt: at(24), metAt: at(26), lateByMs: 2 * HOUR }]);
  });

  it("flag an L2 case without a proposal after 48 hours", () => {
    const l2 = timeline({ tier: "L2" });
    expect(breaches(l2, at(48))).toEqual([]);
    expect(breaches(l2, at(49))[0]).toMatchObject({ kind: "proposal", lateByMs: HOUR });
    expect(breaches({ ...l2, proposedAt: at(47) }, at(100))).toEqual([]);
  });

  it("never flag an L3 case without a timer", () => {
    expect(breaches(timeline({ tier: "L3" }), at(10_000))).toEqual([]);
  });
});

describe("queue order", () => {
  it("puts the nearest unmet deadline first and cases without a timer last", () => {
    const l1 = timeline();
    const l1Answered = timeline({ firstResponseAt: at(1), tierEnteredAt: at(-10) });
    const l2 = timeline({ tier: "L2", tierEnteredAt: at(-30) });
    const l3 = timeline({ tier: "L3", tierEnteredAt: at(-100) });
    expect(nextDeadline(l1Answered)).toMatchObject({ kind: "resolution", dueAt: at(14) });
    expect(nextDeadline(l3)).toBeNull();
    expect([l3, l1, l2, l1Answered].sort((a, b) => compareByDeadline(a, b))).toEqual([l1Answered, l2, l1, l3]);
  });
});
