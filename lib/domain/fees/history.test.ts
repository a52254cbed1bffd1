import { describe, expect, it } from "vitest";
import { versionStatus } from "./history";

describe("versionStatus", () => {
  it("tells the version in effect, those still to come and those replaced, one announced but replaced on its date included", () => {
    const versions = [
      { version: 1, effectiveFrom: "2026-01-01" },
      { version: 2, effectiveFrom: "2026-06-01" },
      { version: 3, effectiveFrom: "2027-01-01" },
      { version: 4, effectiveFrom: "2027-01-01" },
      { version: 5, effectiveFrom: "2027-03-01" },
    ];
    expect(Object.fromEntries(versionStatus(versions, "2026-11-28"))).toEqual({ 1: "replaced", 2: "in_effect", 3: "replaced", 4: "upcoming", 5: "upcoming" });
    expect(Object.fromEntries(versionStatus(versions, "2027-01-01"))).toEqual({ 1: "replaced", 2: "replaced", 3: "replaced", 4: "in_effect", 5: "upcoming" });
  });

  it("has nothing in effect before the first version's date", () => {
    expect(Object.fromEntries(versionStatus([{ version: 1, effectiveFrom: "2027-01-01" }], "2026-12-31"))).toEqual({ 1: "upcoming" });
  });
});
