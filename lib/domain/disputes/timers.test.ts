import { describe, expect, it } from "vitest";
import { DEFAULT_SERVICE_LEVELS, type DisputeTimeline } from "./service-levels";
import { disputeNumber, newBreaches, timerColumns } from "./timers";

const HOUR = 3_600_000;
const opened = new Date("2026-05-01T06:30:00Z");
const at = (hours: number) => new Date(opened.getTime() + hours * HOUR);
const timeline = (over: Partial<DisputeTimeline> = {}): DisputeTimeline => ({
  tier: "L1",
  tierEnteredAt: opened,
  firstResponseAt: null,
  proposedAt: null,
  decidedAt: null,
  ...over,
});
const none = { firstResponse: false, end: false };

describe("timerColumns", () => {
  it("store both L1 deadlines 24 hours out, the nearest unmet one first", () => {
    expect(timerColumns(timeline())).toEqual({ firstResponseDueAt: at(24), resolutionDueAt: at(24), nextDueAt: at(24) });
  });

  it("keep running the resolution once the first response is in", () => {
    expect(timerColumns(timeline({ firstResponseAt: at(1) })).nextDueAt).toEqual(at(24));
  });

  it("give an L2 case only its proposal deadline, met by a proposal", () => {
    const l2 = timeline({ tier: "L2", tierEnteredAt: at(25) });
    expect(timerColumns(l2)).toEqual({ firstResponseDueAt: null, resolutionDueAt: at(73), nextDueAt: at(73) });
    expect(timerColumns({ ...l2, proposedAt: at(30) }).nextDueAt).toBeNull();
  });

  it("run no timer for an L3 case without a configured decision time, nor for a decided case", () => {
    expect(timerColumns(timeline({ tier: "L3" }))).toEqual({ firstResponseDueAt: null, resolutionDueAt: null, nextDueAt: null });
    const policy = { ...DEFAULT_SERVICE_LEVELS, L3: { decisionHours: 72 } };
    expect(timerColumns(timeline({ tier: "L3" }), policy).nextDueAt).toEqual(at(72));
    expect(timerColumns(timeline({ decidedAt: at(3) })).nextDueAt).toBeNull();
  });
});

describe("newBreaches with an injected clock", () => {
  it("flag nothing up to the deadline and both L1 levels after it", () => {
    expect(newBreaches(timeline(), none, at(24))).toEqual([]);
    expect(newBreaches(timeline(), none, at(25))).toEqual(["first_response", "resolution"]);
  });

  it("flag each missed deadline once", () => {
    expect(newBreaches(timeline(), { firstResponse: true, end: false }, at(25))).toEqual(["resolution"]);
    expect(newBreaches(timeline(), { firstResponse: true, end: true }, at(90))).toEqual([]);
  });

  it("leave a first response given in time unflagged", () => {
    expect(newBreaches(timeline({ firstResponseAt: at(23) }), none, at(25))).toEqual(["resolution"]);
  });

  it("flag an L2 case without a proposal after 48 hours in the tier", () => {
    const l2 = timeline({ tier: "L2", tierEnteredAt: at(25) });
    expect(newBreaches(l2, none, at(73))).toEqual([]);
    expect(newBreaches(l2, none, at(74))).toEqual(["proposal"]);
  });
});

describe("disputeNumber", () => {
  it("pads the yearly sequence to four digits and keeps counting past them", () => {
    expect(disputeNumber(2026, 7)).toBe("DSP-2026-0007");
    expect(disputeNumber(2026, 12345)).toBe("DSP-2026-12345");
    expect(() => disputeNumber(2026, 0)).toThrow(RangeError);
  });
});
