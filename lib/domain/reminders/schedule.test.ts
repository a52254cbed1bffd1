import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../invoices/dates";
import { DEFAULT_REMINDER_SETTINGS, parseDayList, reminderSchedule, reminderToSend } from "./schedule";

const due = "2026-12-15";
const issued = "2026-11-01";

describe("reminder schedule", () => {
  it("plans 7 days before, on the day, 3 and 14 days after by default", () => {
    expect(reminderSchedule(due, DEFAULT_REMINDER_SETTINGS)).toEqual([
      { kind: "before", offsetDays: 7, date: "2026-12-08" },
      { kind: "due", offsetDays: 0, date: "2026-12-15" },
      { kind: "after", offsetDays: 3, date: "2026-12-18" },
      { kind: "after", offsetDays: 14, date: "2026-12-29" },
    ]);
    expect(reminderSchedule(due, { ...DEFAULT_REMINDER_SETTINGS, enabled: false })).toEqual([]);
  });

  it("sends the latest reminder whose day has come, nothing before the first", () => {
    const on = (today: string) => reminderToSend(due, issued, today, DEFAULT_REMINDER_SETTINGS);
    expect(on("2026-12-07")).toBeNull();
    expect(on("2026-12-08")).toMatchObject({ kind: "before", offsetDays: 7 });
    expect(on("2026-12-14")).toMatchObject({ kind: "before", offsetDays: 7 });
    expect(on("2026-12-15")).toMatchObject({ kind: "due", offsetDays: 0 });
    expect(on("2026-12-18")).toMatchObject({ kind: "after", offsetDays: 3 });
    expect(on("2027-03-01")).toMatchObject({ kind: "after", offsetDays: 14 });
  });

  it("skips planned days before the invoice was issued", () => {
    expect(reminderToSend(due, "2026-12-10", "2026-12-10", DEFAULT_REMINDER_SETTINGS)).toBeNull();
    expect(reminderToSend(due, "2026-12-10", "2026-12-15", DEFAULT_REMINDER_SETTINGS)).toMatchObject({ kind: "due" });
  });

  it("counts days across month and year ends and leap days", () => {
    expect(addDays("2026-12-29", 3)).toBe("2027-01-01");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 400 }), (days) => {
        expect(addDays(addDays(due, days), -days)).toBe(due);
      }),
    );
  });

  it("reads day lists as typed, and refuses what is not one", () => {
    expect(parseDayList("14, 3")).toEqual({ ok: true, days: [3, 14] });
    expect(parseDayList("3，14 3")).toEqual({ ok: true, days: [3, 14] });
    expect(parseDayList("  ")).toEqual({ ok: true, days: [] });
    expect(parseDayList("3.5")).toEqual({ ok: false, error: "reminder_days_invalid" });
    expect(parseDayList("-3")).toEqual({ ok: false, error: "reminder_days_invalid" });
    expect(parseDayList("0")).toEqual({ ok: false, error: "reminder_days_range" });
    expect(parseDayList("91")).toEqual({ ok: false, error: "reminder_days_range" });
    expect(parseDayList("1 2 3 4 5 6")).toEqual({ ok: false, error: "reminder_days_too_many" });
  });
});
