import fc from "fast-check";
import { composeIBAN, isValidIBAN } from "ibantools";
import { describe, expect, it } from "vitest";
import { countryUsesIban, formatIban, validateIban } from "./iban";

describe("validateIban", () => {
  it.each([
    ["DE89370400440532013000", "DE89370400440532013000", "DE"],
    ["de89 3704 0044 0532 0130 00", "DE89370400440532013000", "DE"],
    ["DE89-3704-0044-0532-0130-00", "DE89370400440532013000", "DE"],
    ["GB82 WEST 1234 5698 7654 32", "GB82WEST12345698765432", "GB"],
    ["NL91ABNA0417164300", "NL91ABNA0417164300", "NL"],
    ["NO9386011117947", "NO9386011117947", "NO"],
    ["CH4431999123000889012", "CH4431999123000889012", "CH"],
    ["ＤＥ８９３７０４００４４０５３２０１３０００", "DE89370400440532013000", "DE"],
  ])("accepts %j", (input, value, country) => {
    expect(validateIban(input)).toEqual({ ok: true, value, country });
  });

  it.each([
    ["", "iban_format"],
    ["DE", "iban_format"],
    ["DE8937040044053201300", "iban_format"],
    ["DE893704004405320130000", "iban_format"],
    ["DE8X370400440532013000", "iban_format"],
    ["DE89370400440532O13000", "iban_format"],
    ["GB82WEST1234569876543A", "iban_format"],
    ["XX89370400440532013000", "iban_format"],
    ["CN89370400440532013000", "iban_format"],
    ["DE89 3704 0044 0532 0130 0Ä", "iban_format"],
    ["DE88370400440532013000", "iban_check"],
    ["DE89370400440532013001", "iban_check"],
    ["GB82WEST12345698765423", "iban_check"],
  ])("refuses %j with %s", (input, error) => {
    expect(validateIban(input)).toEqual({ ok: false, error });
  });

  it("refuses an IBAN whose mod-97 is right but whose national check digit is wrong", () => {
    const iban = composeIBAN({ countryCode: "NO", bban: "86011117948" });
    expect(iban).toMatch(/^NO\d{2}86011117948$/);
    expect(validateIban(iban!)).toEqual({ ok: false, error: "iban_check" });
  });

  it("refuses an IBAN from a country outside the SWIFT registry even if ibantools knows a layout for it", () => {
    const iban = composeIBAN({ countryCode: "DZ", bban: "0001234567890123456789" });
    expect(isValidIBAN(iban!)).toBe(true);
    expect(validateIban(iban!)).toEqual({ ok: false, error: "iban_format" });
  });

  const digit = fc.constantFrom(..."0123456789");
  const germanBban = fc.array(digit, { minLength: 18, maxLength: 18 }).map((digits) => digits.join(""));

  it("property: an IBAN with computed check digits is valid, and any one digit changed is refused", () => {
    fc.assert(
      fc.property(germanBban, fc.integer({ min: 2, max: 21 }), digit, (bban, position, replacement) => {
        const iban = composeIBAN({ countryCode: "DE", bban })!;
        expect(validateIban(iban)).toEqual({ ok: true, value: iban, country: "DE" });
        fc.pre(iban[position] !== replacement);
        const typo = iban.slice(0, position) + replacement + iban.slice(position + 1);
        expect(validateIban(typo)).toEqual({ ok: false, error: "iban_check" });
      }),
      { numRuns: 500 },
    );
  });

  it("property: never throws, whatever is typed", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (input) => {
        expect(["iban_format", "iban_check", undefined]).toContain(
          (validateIban(input) as { error?: string }).error,
        );
      }),
      { numRuns: 500 },
    );
  });
});

describe("countryUsesIban", () => {
  it.each(["DE", "GB", "FR", "NL", "AE", "SA", "TR", "de"])("%s uses IBAN", (country) => {
    expect(countryUsesIban(country)).toBe(true);
  });

  it.each(["CN", "HK", "US", "JP", "SG", "IN", "DZ", "XX", "", "constructor"])("%j does not", (country) => {
    expect(countryUsesIban(country)).toBe(false);
  });
});

describe("formatIban", () => {
  it.each([
    ["DE89370400440532013000", "DE89 3704 0044 0532 0130 00"],
    ["GB82WEST12345698765432", "GB82 WEST 1234 5698 7654 32"],
    ["NL91ABNA0417164300", "NL91 ABNA 0417 1643 00"],
    ["NO9386011117947", "NO93 8601 1117 947"],
    ["de89 3704 0044 0532 0130 00", "DE89 3704 0044 0532 0130 00"],
    ["", ""],
  ])("formats %j as %j", (input, formatted) => {
    expect(formatIban(input)).toBe(formatted);
  });
});
