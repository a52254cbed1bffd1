import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BENEFICIAL_OWNER_THRESHOLD_PERCENT, validateBeneficialOwners } from "./ownership";

const owners = (...shares: string[]) => shares.map((sharePercent) => ({ sharePercent }));

describe("validateBeneficialOwners", () => {
  it("declares owners from 25 %", () => {
    expect(BENEFICIAL_OWNER_THRESHOLD_PERCENT).toBe(25);
  });

  it.each([
    [[]],
    [["25"]],
    [["100"]],
    [["100.00"]],
    [["50", "50"]],
    [["25.5", "74.5"]],
    [["33.33", "33.33", "33.34"]],
    [["25", "25", "25", "25"]],
    [[" 30 ", "２５.５"]],
    [["025.00"]],
  ])("accepts %j", (shares) => {
    expect(validateBeneficialOwners(owners(...shares))).toEqual({ ok: true });
  });

  it.each([
    [["24.99"], 0],
    [["0"], 0],
    [["50", "24"], 1],
    [["30", "0.5"], 1],
  ])("refuses %j below the threshold at %i", (shares, index) => {
    expect(validateBeneficialOwners(owners(...shares))).toEqual({
      ok: false,
      error: "owner_share_below_threshold",
      index,
    });
  });

  it.each([
    [[""], 0],
    [["abc"], 0],
    [["25."], 0],
    [[".5"], 0],
    [["25.555"], 0],
    [["-30"], 0],
    [["+30"], 0],
    [["1e2"], 0],
    [["25,5"], 0],
    [["30%"], 0],
    [["100.01"], 0],
    [["101"], 0],
    [["99999999999999999999999"], 0],
    [["50", "fifty"], 1],
  ])("refuses %j as invalid at %i", (shares, index) => {
    expect(validateBeneficialOwners(owners(...shares))).toEqual({ ok: false, error: "owner_share_invalid", index });
  });

  it.each([[["60", "40.01"]], [["25", "25", "25", "25.01"]], [["50", "50", "50"]]])(
    "refuses %j, which add up to more than 100 %",
    (shares) => {
      expect(validateBeneficialOwners(owners(...shares))).toEqual({ ok: false, error: "owner_shares_exceed_100" });
    },
  );

  it("property: declared shares are accepted exactly when they add up to at most 100 %", () => {
    const hundredths = fc.integer({ min: 2500, max: 10000 });
    const asText = fc.constantFrom(
      (h: number) => `${Math.floor(h / 100)}.${String(h % 100).padStart(2, "0")}`,
      (h: number) => (h % 100 === 0 ? String(h / 100) : `${Math.floor(h / 100)}.${String(h % 100).padStart(2, "0")}`),
    );
    fc.assert(
      fc.property(fc.array(hundredths, { maxLength: 5 }), asText, (shares, format) => {
        const total = shares.reduce((a, b) => a + b, 0);
        const expected = total <= 10000 ? { ok: true } : { ok: false, error: "owner_shares_exceed_100" };
        expect(validateBeneficialOwners(shares.map((h) => ({ sharePercent: format(h) })))).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
