import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { endOfLocalDate, localDateOf, startOfLocalDate, startOfLocalDay } from "./local-day";

describe("local days", () => {
  it("starts a China day at 16:00 UTC the day before", () => {
    expect(startOfLocalDate("2026-11-27").toISOString()).toBe("2026-11-26T16:00:00.000Z");
    expect(endOfLocalDate("2026-11-27").toISOString()).toBe("2026-11-27T16:00:00.000Z");
    expect(endOfLocalDate("2026-12-31").toISOString()).toBe("2026-12-31T16:00:00.000Z");
  });
  it("follows a zone across its daylight-saving change", () => {
    // Berlin moved its clocks forward on 2026-03-29: that day has 23 hours.
    const start = startOfLocalDate("2026-03-29", "Europe/Berlin");
    const end = endOfLocalDate("2026-03-29", "Europe/Berlin");
    expect(start.toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(end.getTime() - start.getTime()).toBe(23 * 3_600_000);
  });
  it("puts every instant inside the local day that startOfLocalDay finds", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }), (instant) => {
        const start = startOfLocalDay(instant);
        expect(start.getTime()).toBeLessThanOrEqual(instant.getTime());
        expect(instant.getTime() - start.getTime()).toBeLessThan(86_400_000);
      }),
    );
  });
});

describe("localDateOf", () => {
  it("is the date on the zone's wall clock", () => {
    expect(localDateOf(new Date("2026-11-26T16:00:00Z"), "Asia/Shanghai")).toBe("2026-11-27");
    expect(localDateOf(new Date("2026-11-26T15:59:59Z"), "Asia/Shanghai")).toBe("2026-11-26");
    expect(localDateOf(new Date("2026-11-27T03:00:00Z"), "America/Los_Angeles")).toBe("2026-11-26");
  });
});
