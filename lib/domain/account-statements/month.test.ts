import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isStatementMonth, lastFullMonth, monthBounds, monthDates, monthOf, monthsBack, nextMonth, previousMonth } from "./month";

const SHANGHAI = "Asia/Shanghai";

describe("statement months", () => {
  it("runs a China month from 16:00 UTC on the last day of the month before", () => {
    const { start, end } = monthBounds("2026-03", SHANGHAI);
    expect(start.toISOString()).toBe("2026-02-28T16:00:00.000Z");
    expect(end.toISOString()).toBe("2026-03-31T16:00:00.000Z");
    expect(monthBounds("2026-12", SHANGHAI).end.toISOString()).toBe("2026-12-31T16:00:00.000Z");
  });

  it("puts an instant in the month of the organization's wall clock", () => {
    expect(monthOf(new Date("2026-03-31T15:59:59.999Z"), SHANGHAI)).toBe("2026-03");
    expect(monthOf(new Date("2026-03-31T16:00:00.000Z"), SHANGHAI)).toBe("2026-04");
    expect(monthOf(new Date("2026-03-31T16:00:00.000Z"), "UTC")).toBe("2026-03");
  });

  it("defaults to the month that has ended, in China time", () => {
    expect(lastFullMonth(new Date("2026-11-30T15:59:00Z"), SHANGHAI)).toBe("2026-10");
    expect(lastFullMonth(new Date("2026-11-30T16:00:00Z"), SHANGHAI)).toBe("2026-11");
    expect(lastFullMonth(new Date("2027-01-01T00:00:00Z"), SHANGHAI)).toBe("2026-12");
  });

  it("knows the last day of each month, leap years included", () => {
    expect(monthDates("2028-02")).toEqual({ first: "2028-02-01", last: "2028-02-29" });
    expect(monthDates("2026-02").last).toBe("2026-02-28");
    expect(monthDates("2026-12").last).toBe("2026-12-31");
  });

  it("accepts only real months", () => {
    expect(["2026-01", "2026-12"].every(isStatementMonth)).toBe(true);
    expect(["2026-00", "2026-13", "2026-1", "26-01", "2026-01-01", ""].some(isStatementMonth)).toBe(false);
  });

  it("lists months newest first, within a limit", () => {
    expect(monthsBack("2026-02", "2025-11", 10)).toEqual(["2026-02", "2026-01", "2025-12", "2025-11"]);
    expect(monthsBack("2026-02", "2020-01", 2)).toEqual(["2026-02", "2026-01"]);
    expect(monthsBack("2026-02", "2026-03", 10)).toEqual([]);
  });

  it("tiles time: each month ends where the next begins, and next and previous undo each other", () => {
    const months = fc.tuple(fc.integer({ min: 1971, max: 2200 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, "0")}`);
    fc.assert(
      fc.property(months, fc.constantFrom(SHANGHAI, "Europe/Berlin", "America/New_York", "UTC"), (month, zone) => {
        expect(previousMonth(nextMonth(month))).toBe(month);
        expect(monthBounds(month, zone).end.getTime()).toBe(monthBounds(nextMonth(month), zone).start.getTime());
        expect(monthOf(monthBounds(month, zone).start, zone)).toBe(month);
        expect(monthOf(new Date(monthBounds(month, zone).end.getTime() - 1), zone)).toBe(month);
      }),
    );
  });
});
