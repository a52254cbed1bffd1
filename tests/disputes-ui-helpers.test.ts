import { describe, expect, it } from "vitest";
import { formatDuration } from "@/components/disputes/duration";
import { organizationDisputeSearchSchema, queueSearchSchema } from "@/lib/domain/disputes/list-search";
import { DEFAULT_PERIOD_DAYS, periodOf } from "@/lib/domain/disputes/period-search";
import { parseSearch } from "@/lib/domain/lists/search-params";

const t = (key: string, values: Record<string, string | number> = {}) => `${key}:${JSON.stringify(values)}`;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe("formatDuration", () => {
  it("shows minutes under an hour, hours and minutes under a day, then days and hours, rounding down", () => {
    expect(formatDuration(59 * MINUTE + 59_999, t)).toBe('duration.minutes:{"minutes":59}');
    expect(formatDuration(HOUR, t)).toBe('duration.hours:{"hours":1,"minutes":0}');
    expect(formatDuration(25 * HOUR + 30 * MINUTE, t)).toBe('duration.days:{"days":1,"hours":1}');
  });
  it("never shows a negative span", () => {
    expect(formatDuration(-5 * MINUTE, t)).toBe('duration.minutes:{"minutes":0}');
  });
});

describe("periodOf", () => {
  const now = new Date("2026-03-10T08:00:00Z");
  it("defaults to the last year up to now", () => {
    expect(periodOf({ from: "", to: "" }, now)).toEqual({ from: new Date(now.getTime() - DEFAULT_PERIOD_DAYS * 24 * HOUR), to: now });
  });
  it("takes calendar days whole, `to` included, and puts reversed dates in order", () => {
    expect(periodOf({ from: "2026-01-01", to: "2026-01-31" }, now)).toEqual({ from: new Date("2026-01-01T00:00:00Z"), to: new Date("2026-02-01T00:00:00Z") });
    expect(periodOf({ from: "2026-02-01", to: "2026-01-01" }, now)).toEqual({ from: new Date("2026-01-02T00:00:00Z"), to: new Date("2026-02-01T00:00:00Z") });
  });
});

describe("dispute list filters in the URL", () => {
  it("keep known values and fall back to the defaults on anything else", () => {
    expect(parseSearch(queueSearchSchema, { tier: "L2", breached: "1", assignee: "me" })).toMatchObject({ status: "undecided", tier: "L2", breached: "1", assignee: "me" });
    expect(parseSearch(queueSearchSchema, { tier: "L9" })).toEqual({ status: "undecided", tier: "", category: "", organization: "", breached: "", assignee: "", after: "" });
    expect(parseSearch(organizationDisputeSearchSchema, { status: "decided", category: "quality_claim" })).toEqual({ status: "decided", category: "quality_claim" });
    expect(parseSearch(organizationDisputeSearchSchema, { status: "toString" })).toEqual({ status: "", category: "" });
  });
});
