import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { abaCheckDigit, composeAbaRouting, validateAbaRouting } from "./aba";

describe("ABA routing numbers", () => {
  it.each(["011000015", "021000021", "026009593", "122105155", "322271627"])("accepts the published routing number %s", (routing) => {
    expect(validateAbaRouting(routing)).toEqual({ ok: true });
    expect(abaCheckDigit(routing.slice(0, 8))).toBe(routing[8]);
  });

  it("refuses a wrong check digit, a wrong length, letters and an unused prefix", () => {
    expect(validateAbaRouting("021000022")).toEqual({ ok: false, error: "check" });
    expect(validateAbaRouting("02100002")).toEqual({ ok: false, error: "format" });
    expect(validateAbaRouting("02100002A")).toEqual({ ok: false, error: "format" });
    expect(validateAbaRouting("501000027")).toEqual({ ok: false, error: "format" });
  });

  it("composes a routing number that validates, and catches every single-digit typo", () => {
    const prefix = fc.constantFrom("00", "01", "09", "12", "21", "32", "61", "72", "80");
    fc.assert(
      fc.property(prefix, fc.stringMatching(/^\d{6}$/), fc.nat(8), fc.integer({ min: 1, max: 9 }), (start, rest, position, shift) => {
        const routing = composeAbaRouting(start + rest);
        expect(validateAbaRouting(routing)).toEqual({ ok: true });
        const typo = routing.slice(0, position) + String((Number(routing[position]) + shift) % 10) + routing.slice(position + 1);
        expect(validateAbaRouting(typo).ok).toBe(false);
      }),
    );
  });
});
