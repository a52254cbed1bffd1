import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../invoices/dates";
import { dashboardRange, MAX_RANGE_MONTHS, monthBounds, monthsCovered } from "./range";

describe("the dashboard's date range", () => {
  it("defaults to twelve whole months ending today", () => {
    expect(dashboardRange({ from: "", to: "" }, "2026-03-15")).toEqual({ from: "2025-04-01", to: "2026-03-15", months: 12 });
  });

  it("keeps a chosen range, ends it today at the latest, and falls back when it runs backwards", () => {
    expect(dashboardRange({ from: "2026-01-10", to: "2026-02-20" }, "2026-03-15")).toEqual({ from: "2026-01-10", to: "2026-02-20", months: 2 });
    expect(dashboardRange({ from: "2026-01-10", to: "2027-01-01" }, "2026-03-15")).toEqual({ from: "2026-01-10", to: "2026-03-15", months: 3 });
    expect(dashboardRange({ from: "2026-03-01", to: "2026-02-01" }, "2026-03-15")).toEqual({ from: "2025-03-01", to: "2026-02-01", months: 12 });
    expect(dashboardRange({ from: "2026-02-30", to: "" }, "2026-03-15").from).toBe("2025-04-01");
  });

  it("cuts a range longer than the limit at its start", () => {
    expect(dashboardRange({ from: "2019-01-01", to: "2026-03-15" }, "2026-03-15")).toEqual({ from: "2023-04-01", to: "2026-03-15", months: MAX_RANGE_MONTHS });
  });

  it("property: the range ends on or before today, starts on or before its end, and covers 1 to 36 months", () => {
    const day = fc.integer({ min: -3000, max: 300 }).map((n) => addDays("2026-03-15", n));
    fc.assert(
      fc.property(fc.option(day, { nil: "" }), fc.option(day, { nil: "" }), (from, to) => {
        const range = dashboardRange({ from, to }, "2026-03-15");
        expect(range.to <= "2026-03-15").toBe(true);
        expect(range.from <= range.to).toBe(true);
        expect(range.months).toBe(monthsCovered(range.from, range.to));
        expect(range.months).toBeGreaterThanOrEqual(1);
        expect(range.months).toBeLessThanOrEqual(MAX_RANGE_MONTHS);
      }),
    );
  });

  it("gives each month's first and last day, leap years included", () => {
    expect(monthBounds("2024-02")).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(monthBounds("2026-12")).toEqual({ from: "2026-12-01", to: "2026-12-31" });
    expect(() => monthBounds("2026-13")).toThrow(RangeError);
    expect(monthsCovered("2025-12-31", "2026-01-01")).toBe(2);
  });
});
