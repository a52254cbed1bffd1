import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import {
  ALL_CURRENCY_CODES,
  UnknownCurrencyError,
  currencyName,
  isCurrencyCode,
  minorUnits,
} from "./currency";

describe("currency table", () => {
  it.each([
    ["JPY", 0],
    ["USD", 2],
    ["CNY", 2],
    ["EUR", 2],
    ["KWD", 3],
    ["BHD", 3],
    ["CLF", 4],
  ])("%s has %i minor units", (code, digits) => {
    expect(minorUnits(code)).toBe(digits);
  });

  it("names currencies", () => {
    expect(currencyName("USD")).toBe("US Dollar");
    expect(currencyName("CNY")).toBe("Yuan Renminbi");
  });

  it("recognises only upper-case active codes", () => {
    expect(isCurrencyCode("USD")).toBe(true);
    expect(isCurrencyCode("usd")).toBe(false);
    expect(isCurrencyCode("ABC")).toBe(false);
    expect(isCurrencyCode("")).toBe(false);
  });

  it("throws UnknownCurrencyError for unknown codes", () => {
    expect(() => minorUnits("ABC")).toThrow(UnknownCurrencyError);
    expect(() => currencyName("ABC")).toThrow(UnknownCurrencyError);
    expect(() => minorUnits("ABC")).toThrow(
      expect.objectContaining({ code: "unknown_currency", currency: "ABC" }),
    );
  });

  it("lists codes sorted and unique", () => {
    expect([...ALL_CURRENCY_CODES]).toEqual([...new Set(ALL_CURRENCY_CODES)].sort());
    expect(ALL_CURRENCY_CODES.length).toBeGreaterThan(150);
    expect(ALL_CURRENCY_CODES).toContain("CNY");
  });

  it("leaves out exactly the codes ISO 4217 lists with minor units N.A.", () => {
    const require = createRequire(import.meta.url);
    const xmlPath = require.resolve("currency-codes/iso-4217-list-one.xml");
    const entries = readFileSync(xmlPath, "utf8").split("<CcyNtry>").slice(1);
    const isoCodes = new Set<string>();
    const notApplicable = new Set<string>();
    for (const entry of entries) {
      const code = /<Ccy>(\w{3})<\/Ccy>/.exec(entry)?.[1];
      const units = /<CcyMnrUnts>([^<]*)<\/CcyMnrUnts>/.exec(entry)?.[1];
      if (!code) continue;
      isoCodes.add(code);
      if (units === "N.A.") notApplicable.add(code);
    }
    expect(notApplicable.size).toBeGreaterThan(0);
    expect(new Set(ALL_CURRENCY_CODES)).toEqual(
      new Set([...isoCodes].filter((code) => !notApplicable.has(code))),
    );
  });
});
