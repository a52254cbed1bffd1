import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addBusinessDays,
  buildCalendar,
  CalendarDataError,
  calendarCovers,
  type HolidayYear,
  holidayYearProblems,
  isBusinessDay,
  nextBusinessDay,
  previousBusinessDay,
  rollToBusinessDay,
  WEEKENDS_ONLY,
} from "./calendar";
import { addDays, isoWeekday } from "./calendar-date";
import { CN_CALENDAR, SHIPPED_CN_HOLIDAY_YEARS } from "./cn-holidays";

const cal = CN_CALENDAR;

describe("shipped mainland China data", () => {
  it("is valid", () => {
    for (const year of SHIPPED_CN_HOLIDAY_YEARS) expect(holidayYearProblems(year)).toEqual([]);
  });

  it("marks 2026 official and 2027 provisional, and covers nothing else", () => {
    expect(calendarCovers("2026-06-01", cal)).toBe("official");
    expect(calendarCovers("2027-06-01", cal)).toBe("provisional");
    expect(calendarCovers("2028-06-01", cal)).toBeNull();
  });

  it.each([
    // 2026, State Council notice of 2025-11-04
    ["2026-01-01", false], ["2026-01-02", false], ["2026-01-03", false], ["2026-01-04", true], ["2026-01-05", true],
    ["2026-02-13", true], ["2026-02-14", true], ["2026-02-15", false], ["2026-02-17", false], ["2026-02-23", false],
    ["2026-02-24", true], ["2026-02-28", true], ["2026-03-01", false],
    ["2026-04-03", true], ["2026-04-04", false], ["2026-04-06", false], ["2026-04-07", true],
    ["2026-04-30", true], ["2026-05-01", false], ["2026-05-05", false], ["2026-05-06", true], ["2026-05-09", true], ["2026-05-10", false],
    ["2026-06-18", true], ["2026-06-19", false], ["2026-06-22", true],
    ["2026-09-20", true], ["2026-09-24", true], ["2026-09-25", false], ["2026-09-28", true],
    ["2026-09-30", true], ["2026-10-01", false], ["2026-10-07", false], ["2026-10-08", true], ["2026-10-10", true], ["2026-10-11", false],
    // 2027, provisional: statutory days only
    ["2027-01-01", false], ["2027-01-04", true], ["2027-02-04", true], ["2027-02-05", false], ["2027-02-08", false],
    ["2027-02-09", true], ["2027-04-05", false], ["2027-06-09", false], ["2027-09-15", false], ["2027-10-01", false],
    ["2027-10-04", true],
    // no data: weekends only
    ["2028-01-03", true], ["2028-01-01", false], ["2028-01-02", false],
  ] as const)("%s is a business day: %s", (date, expected) => {
    expect(isBusinessDay(date, cal)).toBe(expected);
  });
});

describe("business-day arithmetic", () => {
  it("skips weekends", () => {
    expect(nextBusinessDay("2026-11-27", cal)).toBe("2026-11-30"); // Friday → Monday
    expect(addBusinessDays("2026-11-27", 1, cal)).toBe("2026-11-30");
    expect(addBusinessDays("2026-11-28", 1, cal)).toBe("2026-11-30"); // from a Saturday
    expect(addBusinessDays("2026-11-26", 2, cal)).toBe("2026-11-30");
    expect(addBusinessDays("2026-11-27", 0, cal)).toBe("2026-11-27");
    expect(addBusinessDays("2026-11-30", -1, cal)).toBe("2026-11-27");
    expect(previousBusinessDay("2026-11-29", cal)).toBe("2026-11-27");
  });

  it("skips the 2026 Spring Festival and counts its make-up Saturdays", () => {
    expect(nextBusinessDay("2026-02-13", cal)).toBe("2026-02-14"); // Friday → make-up Saturday
    expect(nextBusinessDay("2026-02-14", cal)).toBe("2026-02-24");
    expect(addBusinessDays("2026-02-12", 3, cal)).toBe("2026-02-24");
    expect(addBusinessDays("2026-02-26", 2, cal)).toBe("2026-02-28"); // Thu → Fri → make-up Sat
    expect(addBusinessDays("2026-02-27", 1, cal)).toBe("2026-02-28");
    expect(addBusinessDays("2026-02-24", -1, cal)).toBe("2026-02-14");
  });

  it("crosses National Day 2026, with the make-up days on both sides", () => {
    expect(addBusinessDays("2026-09-18", 1, cal)).toBe("2026-09-20"); // Friday → make-up Sunday
    expect(addBusinessDays("2026-09-30", 1, cal)).toBe("2026-10-08");
    expect(addBusinessDays("2026-09-30", 3, cal)).toBe("2026-10-10"); // Thu, Fri, make-up Sat
    expect(addBusinessDays("2026-09-24", 2, cal)).toBe("2026-09-29"); // Mid-Autumn Fri 25 to Sun 27 skipped
  });

  it("crosses New Year into 2027", () => {
    expect(addBusinessDays("2026-12-31", 1, cal)).toBe("2027-01-04");
    expect(addBusinessDays("2025-12-31", 1, cal)).toBe("2026-01-04"); // the make-up Sunday
  });

  it("rolls a non-business day forward and leaves a business day alone", () => {
    expect(rollToBusinessDay("2026-10-03", cal)).toBe("2026-10-08");
    expect(rollToBusinessDay("2026-10-10", cal)).toBe("2026-10-10");
    expect(rollToBusinessDay("2026-10-09", cal)).toBe("2026-10-09");
  });

  it("refuses a fractional count", () => {
    expect(() => addBusinessDays("2026-11-27", 1.5, cal)).toThrow(RangeError);
  });

  const dates = fc
    .integer({ min: 0, max: 3 * 366 })
    .map((offset) => addDays("2025-12-01", offset));

  it("lands on a business day exactly n business days later, and back again", () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 1, max: 40 }), (start, n) => {
        const end = addBusinessDays(start, n, cal);
        expect(isBusinessDay(end, cal)).toBe(true);
        let count = 0;
        for (let day = addDays(start, 1); day <= end; day = addDays(day, 1)) if (isBusinessDay(day, cal)) count++;
        expect(count).toBe(n);
        if (isBusinessDay(start, cal)) expect(addBusinessDays(end, -n, cal)).toBe(start);
      }),
    );
  });

  it("agrees with a plain weekday count when there are no holidays", () => {
    fc.assert(
      fc.property(dates, (start) => {
        const next = nextBusinessDay(start, WEEKENDS_ONLY);
        expect(isoWeekday(next)).toBeLessThanOrEqual(5);
        expect({ 5: 3, 6: 2 }[isoWeekday(start)] ?? 1).toBe(Math.round((Date.parse(next) - Date.parse(start)) / 86_400_000));
      }),
    );
  });
});

describe("holiday data checks", () => {
  const year: HolidayYear = {
    year: 2030,
    status: "official",
    source: "test",
    holidays: [{ name: "国庆节", nameEn: "National Day", from: "2030-10-01", to: "2030-10-07" }],
    makeUpWorkdays: [{ date: "2030-09-29", for: "国庆节" }],
  };

  it("accepts good data", () => {
    expect(holidayYearProblems(year)).toEqual([]);
  });

  it.each([
    [{ holidays: [{ ...year.holidays[0]!, from: "2030-10-32" }] }, "bad_date"],
    [{ holidays: [{ ...year.holidays[0]!, to: "2031-01-01", from: "2030-12-31" }] }, "date_outside_year"],
    [{ holidays: [{ ...year.holidays[0]!, from: "2030-10-08" }] }, "period_reversed"],
    [{ holidays: [{ ...year.holidays[0]!, from: "2030-09-01" }] }, "period_too_long"],
    [{ holidays: [...year.holidays, { name: "中秋节", nameEn: "Mid-Autumn", from: "2030-10-07", to: "2030-10-07" }] }, "periods_overlap"],
    [{ makeUpWorkdays: [{ date: "2030-09-30", for: "国庆节" }] }, "make_up_day_not_weekend"],
    [{ makeUpWorkdays: [{ date: "2030-10-05", for: "国庆节" }] }, "make_up_day_in_holiday"],
    [{ makeUpWorkdays: [...year.makeUpWorkdays, ...year.makeUpWorkdays] }, "duplicate_make_up_day"],
    [{ year: 1999 }, "bad_year"],
  ] as const)("reports %o as %s", (change, problem) => {
    expect(holidayYearProblems({ ...year, ...change })).toContain(problem);
  });

  it("refuses to build a calendar from invalid or repeated years", () => {
    expect(() => buildCalendar([{ ...year, makeUpWorkdays: [{ date: "2030-09-30", for: "x" }] }])).toThrow(CalendarDataError);
    expect(() => buildCalendar([year, year])).toThrow(/duplicate_year/);
  });
});
