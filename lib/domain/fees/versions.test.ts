import { describe, expect, it } from "vitest";
import { type FeeSchedule, STANDARD_FEE_SCHEDULE } from "./schedule";
import { scheduleInEffect, upcomingSchedule } from "./versions";

const version = (n: number, effectiveFrom: string): FeeSchedule => ({ ...STANDARD_FEE_SCHEDULE, version: n, effectiveFrom });

describe("upcomingSchedule", () => {
  it("is the version that will price the next change date, the higher of two published for it", () => {
    const versions = [version(1, "2026-01-01"), version(2, "2027-01-01"), version(3, "2027-01-01"), version(4, "2027-03-01")];
    expect(upcomingSchedule(versions, "2026-11-27")?.version).toBe(3);
    expect(scheduleInEffect(versions, "2027-01-01")?.version).toBe(3);
    expect(upcomingSchedule(versions, "2027-01-01")?.version).toBe(4);
    expect(upcomingSchedule(versions, "2027-03-01")).toBeNull();
  });
});
