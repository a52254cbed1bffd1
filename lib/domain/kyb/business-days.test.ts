import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { businessDaysElapsed, KYB_REVIEW_TARGET_BUSINESS_DAYS, reviewAge } from "./business-days";

/** Beijing time on a day of the week of 6–12 January 2025 (Monday to Sunday) or the week after. */
const DAYS = { mon: 6, tue: 7, wed: 8, thu: 9, fri: 10, sat: 11, sun: 12, nextMon: 13, nextTue: 14 } as const;
function beijing(day: keyof typeof DAYS, time: string): Date {
  return new Date(`2025-01-${String(DAYS[day]).padStart(2, "0")}T${time}:00+08:00`);
}

describe("businessDaysElapsed", () => {
  it.each([
    ["mon", "10:00", "mon", "18:00", 0],
    ["mon", "10:00", "tue", "09:59", 0],
    ["mon", "10:00", "tue", "10:00", 1],
    ["mon", "10:00", "wed", "10:00", 2],
    ["mon", "00:00", "sat", "00:00", 5],
    ["mon", "10:00", "nextMon", "10:00", 5],
    ["fri", "10:00", "sat", "12:00", 0],
    ["fri", "00:00", "sat", "00:00", 1],
    ["fri", "00:00", "sun", "23:59", 1],
    ["fri", "10:00", "nextMon", "09:59", 0],
    ["fri", "10:00", "nextMon", "10:00", 1],
    ["fri", "10:00", "nextTue", "10:00", 2],
    ["thu", "10:00", "nextMon", "10:00", 2],
    ["sat", "15:00", "sun", "15:00", 0],
    ["sat", "15:00", "nextMon", "23:59", 0],
    ["sun", "23:00", "nextTue", "00:00", 1],
    ["sat", "15:00", "nextTue", "09:00", 1],
  ] as const)("%s %s → %s %s: %i", (fromDay, fromTime, toDay, toTime, expected) => {
    expect(businessDaysElapsed(beijing(fromDay, fromTime), beijing(toDay, toTime))).toBe(expected);
  });

  it("is 0 when `to` is not after `from`", () => {
    expect(businessDaysElapsed(beijing("wed", "10:00"), beijing("wed", "10:00"))).toBe(0);
    expect(businessDaysElapsed(beijing("wed", "10:00"), beijing("mon", "10:00"))).toBe(0);
    expect(businessDaysElapsed(beijing("wed", "10:00"), beijing("wed", "09:00"))).toBe(0);
  });

  it("reads the days of the week in the given time zone", () => {
    // Monday 01:00 in Beijing is still Sunday in London and New York.
    const from = new Date("2025-01-12T17:00:00Z");
    const to = new Date("2025-01-13T23:30:00Z");
    expect(businessDaysElapsed(from, to)).toBe(1);
    expect(businessDaysElapsed(from, to, "Europe/London")).toBe(0);
    expect(businessDaysElapsed(from, to, "America/New_York")).toBe(0);
  });

  it("refuses an unknown time zone", () => {
    expect(() => businessDaysElapsed(beijing("mon", "10:00"), beijing("wed", "10:00"), "Mars/Olympus")).toThrow(
      RangeError,
    );
  });

  const DAY = 86_400_000;
  const BEIJING_OFFSET = 8 * 3_600_000;

  /** Whole days of weekday time between two instants, summed day by day on Beijing's fixed UTC+8 clock. */
  function weekdayTimeInDays(from: Date, to: Date): number {
    const start = from.getTime() + BEIJING_OFFSET;
    const end = to.getTime() + BEIJING_OFFSET;
    let weekdayMs = 0;
    for (let day = Math.floor(start / DAY); day * DAY < end; day++) {
      const isWeekday = (((day + 3) % 7) + 7) % 7 < 5; // day 0, 1 January 1970, was a Thursday
      if (isWeekday) weekdayMs += Math.max(0, Math.min(end, (day + 1) * DAY) - Math.max(start, day * DAY));
    }
    return Math.floor(weekdayMs / DAY);
  }

  it("property: equals the weekday time between the instants, in whole days", () => {
    const instants = fc.date({
      min: new Date("2000-01-01T00:00:00Z"),
      max: new Date("2040-01-01T00:00:00Z"),
      noInvalidDate: true,
    });
    const spans = fc.integer({ min: -DAY, max: 40 * DAY });
    fc.assert(
      fc.property(instants, spans, (from, span) => {
        const to = new Date(from.getTime() + span);
        expect(businessDaysElapsed(from, to)).toBe(weekdayTimeInDays(from, to));
      }),
      { numRuns: 1000 },
    );
  });
});

describe("reviewAge", () => {
  it("targets two business days", () => {
    expect(KYB_REVIEW_TARGET_BUSINESS_DAYS).toBe(2);
  });

  it.each([
    ["mon", "10:00", "mon", "10:00", 0, false],
    ["mon", "10:00", "wed", "09:59", 1, false],
    ["mon", "10:00", "wed", "10:00", 2, true],
    ["fri", "16:00", "nextMon", "16:00", 1, false],
    ["fri", "16:00", "nextTue", "15:59", 1, false],
    ["fri", "16:00", "nextTue", "16:00", 2, true],
    ["sat", "09:00", "nextTue", "23:59", 1, false],
  ] as const)(
    "submitted %s %s, now %s %s: %i business days, overdue %s",
    (fromDay, fromTime, toDay, toTime, days, overdue) => {
      expect(reviewAge(beijing(fromDay, fromTime), beijing(toDay, toTime))).toEqual({ businessDays: days, overdue });
    },
  );
});
