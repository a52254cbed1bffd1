import { describe, expect, it } from "vitest";
import { localDateTime } from "./local-date-time";

describe("localDateTime", () => {
  it("formats local time on the organization's clock", () => {
    expect(localDateTime(new Date("2026-03-31T16:00:00Z"), "Asia/Shanghai")).toEqual({ date: "2026-04-01", time: "00:00:00" });
    expect(localDateTime(new Date("2026-03-31T16:00:00Z"), "UTC")).toEqual({ date: "2026-03-31", time: "16:00:00" });
  });
});
