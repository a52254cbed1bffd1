import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WEEKENDS_ONLY } from "./calendar";
import { addDays } from "./calendar-date";
import { CN_CALENDAR as cal } from "./cn-holidays";
import { dueAmount, firstClearingDateNotDue, settlementPreview } from "./due";
import { isDue, type SettlementSchedule, settlementDate } from "./schedule";

const rolling = (businessDays: number): SettlementSchedule => ({ kind: "rolling", businessDays });

describe("firstClearingDateNotDue", () => {
  it.each([
    [rolling(1), "2026-11-30", "2026-11-28"], // Monday pays Friday's money; Saturday's waits for Tuesday
    [rolling(1), "2026-12-01", "2026-12-01"],
    [rolling(0), "2026-11-30", "2026-12-01"], // T+0: today's money is due today
    [rolling(2), "2026-12-01", "2026-11-28"], // T+2 from Friday is Tuesday; from Saturday (T = Monday) Wednesday
    [rolling(1), "2026-10-08", "2026-10-01"], // after National Day: 30 September is paid; the holiday's money counts from the 8th
    [rolling(1), "2026-10-10", "2026-10-10"], // a make-up Saturday pays Friday 9 October
    [rolling(1), "2026-02-14", "2026-02-14"], // Spring Festival's make-up Saturday pays Friday 13 February
    [rolling(3), "2026-02-24", "2026-02-13"], // the first day after Spring Festival pays what cleared up to Thursday 12th
    [{ kind: "monthly", day: "month_end" }, "2026-11-30", "2026-11-30"],
    [{ kind: "weekly", weekday: 5 }, "2026-10-09", "2026-10-09"], // Friday 9 October: after the rolled run of the 8th
    [rolling(1), "2028-02-29", "2028-02-29"], // leap day pays the 28th
  ] as const)("%o on %s: cleared from %s waits", (schedule, runDate, cutoff) => {
    expect(firstClearingDateNotDue(schedule, runDate, cal)).toBe(cutoff);
  });

  it("is null when nothing is due by schedule: on demand, weekends, holidays", () => {
    expect(firstClearingDateNotDue({ kind: "on_demand" }, "2026-11-30", cal)).toBeNull();
    expect(firstClearingDateNotDue(rolling(1), "2026-11-28", cal)).toBeNull();
    expect(firstClearingDateNotDue(rolling(1), "2026-10-05", cal)).toBeNull();
  });

  it("agrees with isDue for every clearing date around it", () => {
    const dates = fc.integer({ min: 0, max: 3 * 366 }).map((offset) => addDays("2025-12-01", offset));
    const schedules = fc.oneof(
      fc.integer({ min: 0, max: 30 }).map(rolling),
      fc.integer({ min: 1, max: 5 }).map((weekday): SettlementSchedule => ({ kind: "weekly", weekday })),
      fc.oneof(fc.integer({ min: 1, max: 31 }), fc.constant("month_end" as const)).map((day): SettlementSchedule => ({ kind: "monthly", day })),
      fc.oneof(fc.integer({ min: 1, max: 31 }), fc.constant("month_end" as const)).map((day): SettlementSchedule => ({ kind: "quarterly", day })),
    );
    fc.assert(
      fc.property(schedules, dates, fc.integer({ min: 1, max: 120 }), (schedule, runDate, back) => {
        for (const calendar of [cal, WEEKENDS_ONLY]) {
          const cutoff = firstClearingDateNotDue(schedule, runDate, calendar);
          const clearedOn = addDays(runDate, -back);
          if (cutoff === null) {
            expect(isDue(schedule, clearedOn, runDate, calendar)).toBe(false);
            continue;
          }
          expect(isDue(schedule, clearedOn, runDate, calendar)).toBe(clearedOn < cutoff);
          expect(isDue(schedule, cutoff, runDate, calendar)).toBe(false);
          expect(settlementDate(schedule, addDays(cutoff, -1), calendar)! <= runDate).toBe(true);
        }
      }),
    );
  });
});

describe("dueAmount", () => {
  it("is the available balance less what is not yet due, never negative", () => {
    expect(dueAmount(100_000n, 30_000n)).toBe(70_000n);
    expect(dueAmount(100_000n, 0n)).toBe(100_000n);
    expect(dueAmount(20_000n, 30_000n)).toBe(0n); // paid out on demand meanwhile
    expect(dueAmount(0n, 0n)).toBe(0n);
  });
});

describe("settlementPreview", () => {
  it("groups clearing dates by the day they settle: weekends, holidays and make-up days", () => {
    expect(settlementPreview(rolling(1), "2026-09-24", cal, 3)).toEqual([
      { settlesOn: "2026-09-28", clearedFrom: "2026-09-24", clearedTo: "2026-09-24" }, // Mid-Autumn Festival 25–27
      { settlesOn: "2026-09-29", clearedFrom: "2026-09-25", clearedTo: "2026-09-28" },
      { settlesOn: "2026-09-30", clearedFrom: "2026-09-29", clearedTo: "2026-09-29" },
    ]);
    expect(settlementPreview(rolling(1), "2026-09-30", cal, 3)).toEqual([
      { settlesOn: "2026-10-08", clearedFrom: "2026-09-30", clearedTo: "2026-09-30" },
      { settlesOn: "2026-10-09", clearedFrom: "2026-10-01", clearedTo: "2026-10-08" }, // National Day
      { settlesOn: "2026-10-10", clearedFrom: "2026-10-09", clearedTo: "2026-10-09" }, // a make-up Saturday
    ]);
    expect(settlementPreview(rolling(1), "2026-11-27", cal, 1)).toEqual([{ settlesOn: "2026-11-30", clearedFrom: "2026-11-27", clearedTo: "2026-11-27" }]);
  });

  it("shows fixed schedules' next dates and nothing for on demand", () => {
    expect(settlementPreview({ kind: "monthly", day: "month_end" }, "2026-11-27", cal, 3).map((row) => row.settlesOn)).toEqual(["2026-11-30", "2026-12-31", "2027-02-01"]);
    expect(settlementPreview({ kind: "quarterly", day: "month_end" }, "2026-11-27", cal, 4).map((row) => row.settlesOn)).toEqual([
      "2026-12-31",
      "2027-03-31",
      "2027-06-30",
      "2027-09-30",
    ]);
    expect(settlementPreview({ kind: "on_demand" }, "2026-11-27", cal, 3)).toEqual([]);
  });
});
