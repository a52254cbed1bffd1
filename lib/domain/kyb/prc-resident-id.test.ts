import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computePrcResidentIdCheck, validatePrcResidentId } from "./prc-resident-id";

const TODAY = new Date("2025-06-15T12:00:00+08:00");

describe("validatePrcResidentId", () => {
  it("accepts the GB 11643 example and reads its birth date", () => {
    expect(validatePrcResidentId("11010519491231002X", TODAY)).toEqual({
      ok: true,
      value: "11010519491231002X",
      birthDate: "1949-12-31",
    });
  });

  it.each([
    ["11010519491231002x", "11010519491231002X"],
    [" 110105 19491231 002X ", "11010519491231002X"],
    ["１１０１０５１９４９１２３１００２Ｘ", "11010519491231002X"],
    ["362322198709086409", "362322198709086409"],
  ])("normalizes %j", (input, value) => {
    expect(validatePrcResidentId(input, TODAY)).toMatchObject({ ok: true, value });
  });

  it("refuses the other GB 11643 example, born in 1880, although its check digit is right", () => {
    expect(computePrcResidentIdCheck("44052418800101001")).toBe("4");
    expect(validatePrcResidentId("440524188001010014", TODAY)).toEqual({ ok: false, error: "id_birth_date" });
  });

  it.each([
    ["", "id_length"],
    ["11010519491231002", "id_length"],
    ["11010519491231002X1", "id_length"],
    ["110105194912310023X", "id_length"],
    ["1101051949123100XX", "id_format"],
    ["11010519491231002Y", "id_format"],
    ["A10105194912310020", "id_format"],
    ["110105-9491231002X", "id_format"],
    ["110105194902300020", "id_birth_date"],
    ["110105194913010020", "id_birth_date"],
    ["110105194900010020", "id_birth_date"],
    ["110105190102290020", "id_birth_date"],
    ["110105189912310020", "id_birth_date"],
    ["110105194912310021", "id_check"],
    ["110105194912310020", "id_check"],
  ])("refuses %j with %s", (input, error) => {
    expect(validatePrcResidentId(input, TODAY)).toEqual({ ok: false, error });
  });

  function withCheck(first17: string): string {
    return first17 + computePrcResidentIdCheck(first17);
  }

  it("accepts 29 February only in a leap year, and 1 January 1900", () => {
    expect(validatePrcResidentId(withCheck("11010520000229001"), TODAY)).toMatchObject({ birthDate: "2000-02-29" });
    expect(validatePrcResidentId(withCheck("11010519000101001"), TODAY)).toMatchObject({ birthDate: "1900-01-01" });
    expect(validatePrcResidentId(withCheck("11010519000229001"), TODAY)).toEqual({ ok: false, error: "id_birth_date" });
  });

  it("accepts a birth date of today in China and refuses tomorrow", () => {
    // 17:00 UTC on 31 May is already 1 June in Beijing.
    const today = new Date("2024-05-31T17:00:00Z");
    expect(validatePrcResidentId(withCheck("11010520240601001"), today)).toMatchObject({ ok: true });
    expect(validatePrcResidentId(withCheck("11010520240602001"), today)).toEqual({
      ok: false,
      error: "id_birth_date",
    });
  });

  const digits = (length: number) =>
    fc.array(fc.constantFrom(..."0123456789"), { minLength: length, maxLength: length }).map((d) => d.join(""));
  const birthDates = fc.date({
    min: new Date("1900-01-01T00:00:00Z"),
    max: new Date("2025-06-15T00:00:00Z"),
    noInvalidDate: true,
  });
  const generated = fc
    .tuple(digits(6), birthDates, digits(3))
    .map(([region, birth, sequence]) => {
      const isoDate = birth.toISOString().slice(0, 10);
      return { id: withCheck(region + isoDate.replaceAll("-", "") + sequence), isoDate };
    });

  it("property: a generated ID with its computed check character is valid and yields its birth date", () => {
    fc.assert(
      fc.property(generated, ({ id, isoDate }) => {
        expect(validatePrcResidentId(id, TODAY)).toEqual({ ok: true, value: id, birthDate: isoDate });
      }),
      { numRuns: 500 },
    );
  });

  it("property: any other check character is refused", () => {
    fc.assert(
      fc.property(generated, fc.constantFrom(..."0123456789X"), ({ id }, check) => {
        fc.pre(id[17] !== check);
        expect(validatePrcResidentId(id.slice(0, 17) + check, TODAY)).toEqual({ ok: false, error: "id_check" });
      }),
      { numRuns: 300 },
    );
  });
});

describe("computePrcResidentIdCheck", () => {
  it("refuses anything but 17 digits", () => {
    expect(() => computePrcResidentIdCheck("1101051949123100")).toThrow(RangeError);
    expect(() => computePrcResidentIdCheck("1101051949123100X")).toThrow(RangeError);
  });
});
