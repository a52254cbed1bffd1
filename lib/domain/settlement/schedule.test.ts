import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isBusinessDay, WEEKENDS_ONLY } from "./calendar";
import { addDays } from "./calendar-date";
import { CN_CALENDAR as cal } from "./cn-holidays";
import { isDue, type SettlementSchedule, settlementDate, settlementScheduleProblem } from "./schedule";

const rolling = (businessDays: number): SettlementSchedule => ({ kind: "rolling", businessDays });
const weekly = (weekday: number): SettlementSchedule => ({ kind: "weekly", weekday });
const monthly = (day: number | "month_end"): SettlementSchedule => ({ kind: "monthly", day });
const quarterly = (day: number | "month_end"): SettlementSchedule => ({ kind: "quarterly", day });

describe("rolling T+N", () => {
  it.each([
    ["2026-11-25", 1, "2026-11-26"], // Wed → Thu
    ["2026-11-26", 1, "2026-11-27"],
    ["2026-11-27", 1, "2026-11-30"], // Fri → Mon
    ["2026-11-27", 0, "2026-11-27"],
    ["2026-11-28", 0, "2026-11-30"], // cleared Saturday: T is Monday
    ["2026-11-28", 1, "2026-12-01"],
    ["2026-11-29", 2, "2026-12-02"],
    ["2026-02-12", 2, "2026-02-14"], // Thu → Fri 13 → make-up Sat 14
    ["2026-02-12", 3, "2026-02-24"], // then the Spring Festival, 15–23
    ["2026-02-13", 1, "2026-02-14"], // make-up Saturday is a business day
    ["2026-02-14", 0, "2026-02-14"],
    ["2026-02-16", 0, "2026-02-24"], // cleared during the holiday
    ["2026-02-16", 1, "2026-02-25"],
    ["2026-02-27", 1, "2026-02-28"],
    ["2026-09-30", 1, "2026-10-08"], // into National Day
    ["2026-09-30", 3, "2026-10-10"],
    ["2026-12-31", 1, "2027-01-04"],
    ["2028-02-28", 1, "2028-02-29"], // leap day, a Tuesday
    ["2028-02-29", 1, "2028-03-01"],
  ] as const)("cleared %s, T+%i → %s", (clearedOn, n, expected) => {
    expect(settlementDate(rolling(n), clearedOn, cal)).toBe(expected);
  });
});

describe("weekly", () => {
  it.each([
    [5, "2026-11-23", "2026-11-27"], // Mon → Fri
    [5, "2026-11-27", "2026-12-04"], // cleared on the settlement day: the next one
    [5, "2026-11-28", "2026-12-04"],
    [1, "2026-11-27", "2026-11-30"],
    [5, "2026-09-28", "2026-10-08"], // Friday 2 October is National Day: rolls to Thursday 8th
    [5, "2026-10-05", "2026-10-08"], // and funds cleared before that rolled run still go in it
    [5, "2026-10-08", "2026-10-09"],
    [5, "2026-02-13", "2026-02-24"], // Friday 20 February is Spring Festival
    [3, "2026-12-29", "2026-12-30"],
  ] as const)("weekday %i, cleared %s → %s", (weekday, clearedOn, expected) => {
    expect(settlementDate(weekly(weekday), clearedOn, cal)).toBe(expected);
  });
});

describe("monthly", () => {
  it.each([
    [15, "2026-11-10", "2026-11-16"], // Sunday 15th rolls to Monday
    [15, "2026-11-16", "2026-12-15"],
    [15, "2026-11-14", "2026-11-16"],
    [31, "2026-04-10", "2026-04-30"], // April has 30 days
    [31, "2026-02-02", "2026-02-28"], // day 31 in February is the 28th, a make-up Saturday in 2026
    [30, "2027-02-01", "2027-03-01"], // 28 Feb 2027 is a Sunday
    [30, "2028-02-01", "2028-02-29"], // leap year
    [29, "2028-02-01", "2028-02-29"],
    [1, "2026-09-29", "2026-10-08"], // 1 October rolls past National Day
    [1, "2026-10-01", "2026-10-08"], // cleared on the nominal day, before the rolled run
    [1, "2026-10-08", "2026-11-02"], // 1 November 2026 is a Sunday
    [1, "2026-12-15", "2027-01-04"],
  ] as const)("day %i, cleared %s → %s", (day, clearedOn, expected) => {
    expect(settlementDate(monthly(day), clearedOn, cal)).toBe(expected);
  });

  it.each([
    ["2026-11-05", "2026-11-30"],
    ["2026-11-30", "2026-12-31"],
    ["2026-02-10", "2026-02-28"], // make-up Saturday
    ["2026-01-20", "2026-02-02"], // 31 January 2026 is a Saturday: rolls into February
    ["2026-01-31", "2026-02-02"],
    ["2027-02-10", "2027-03-01"], // 28 February 2027 is a Sunday
    ["2028-02-10", "2028-02-29"],
    ["2026-05-20", "2026-06-01"], // 31 May 2026 is a Sunday
  ] as const)("month end, cleared %s → %s", (clearedOn, expected) => {
    expect(settlementDate(monthly("month_end"), clearedOn, cal)).toBe(expected);
  });
});

describe("quarterly", () => {
  it.each([
    ["month_end", "2026-01-15", "2026-03-31"],
    ["month_end", "2026-03-31", "2026-06-30"],
    ["month_end", "2026-11-27", "2026-12-31"],
    ["month_end", "2026-12-31", "2027-03-31"],
    ["month_end", "2028-01-05", "2028-03-31"],
    [20, "2026-08-01", "2026-09-20"], // a Sunday, but a make-up working day for National Day
    [1, "2026-07-01", "2026-09-01"],
    [1, "2026-09-01", "2026-12-01"],
  ] as const)("day %s, cleared %s → %s", (day, clearedOn, expected) => {
    expect(settlementDate(quarterly(day), clearedOn, cal)).toBe(expected);
  });
});

describe("on demand", () => {
  it("has no settlement date and is never due", () => {
    expect(settlementDate({ kind: "on_demand" }, "2026-11-27", cal)).toBeNull();
    expect(isDue({ kind: "on_demand" }, "2026-01-01", "2026-11-27", cal)).toBe(false);
  });
});

describe("isDue", () => {
  it("is due from the settlement date on, on business days only", () => {
    const schedule = rolling(1);
    expect(isDue(schedule, "2026-11-26", "2026-11-26", cal)).toBe(false);
    expect(isDue(schedule, "2026-11-26", "2026-11-27", cal)).toBe(true);
    expect(isDue(schedule, "2026-11-26", "2026-11-28", cal)).toBe(false); // Saturday run
    expect(isDue(schedule, "2026-11-26", "2026-11-30", cal)).toBe(true); // missed runs catch up
    expect(isDue(schedule, "2026-02-13", "2026-02-14", cal)).toBe(true); // make-up Saturday run
    expect(isDue(schedule, "2026-09-30", "2026-10-05", cal)).toBe(false); // holiday run
  });
});

describe("schedule checks", () => {
  it.each([
    [rolling(-1), "rolling_days_out_of_range"],
    [rolling(31), "rolling_days_out_of_range"],
    [rolling(1.5), "rolling_days_out_of_range"],
    [weekly(0), "weekday_out_of_range"],
    [weekly(6), "weekday_out_of_range"],
    [monthly(0), "month_day_out_of_range"],
    [monthly(32), "month_day_out_of_range"],
    [quarterly(2.5), "month_day_out_of_range"],
  ] as const)("%o → %s", (schedule, problem) => {
    expect(settlementScheduleProblem(schedule)).toBe(problem);
    expect(() => settlementDate(schedule, "2026-11-27", cal)).toThrow(RangeError);
  });

  it("accepts the edges", () => {
    for (const schedule of [rolling(0), rolling(30), weekly(1), weekly(5), monthly(1), monthly(31), quarterly("month_end")]) {
      expect(settlementScheduleProblem(schedule)).toBeNull();
    }
  });
});

describe("properties", () => {
  const dates = fc.integer({ min: 0, max: 3 * 366 }).map((offset) => addDays("2025-12-01", offset));
  const schedules = fc.oneof(
    fc.integer({ min: 0, max: 10 }).map(rolling),
    fc.integer({ min: 1, max: 5 }).map(weekly),
    fc.oneof(fc.integer({ min: 1, max: 31 }), fc.constant("month_end" as const)).map(monthly),
    fc.oneof(fc.integer({ min: 1, max: 31 }), fc.constant("month_end" as const)).map(quarterly),
  );

  it("settles on a business day, never before clearing, and never earlier for later clearings", () => {
    fc.assert(
      fc.property(schedules, dates, fc.integer({ min: 0, max: 40 }), (schedule, clearedOn, later) => {
        for (const calendar of [cal, WEEKENDS_ONLY]) {
          const date = settlementDate(schedule, clearedOn, calendar)!;
          expect(isBusinessDay(date, calendar)).toBe(true);
          expect(date >= clearedOn).toBe(true);
          if (schedule.kind !== "rolling") expect(date > clearedOn).toBe(true);
          expect(settlementDate(schedule, addDays(clearedOn, later), calendar)! >= date).toBe(true);
          expect(isDue(schedule, clearedOn, date, calendar)).toBe(true);
          expect(isDue(schedule, clearedOn, addDays(date, -1), calendar)).toBe(false);
        }
      }),
    );
  });
});
