import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeRfReference, findRfReference, formatRfReference, isValidRfReference } from "./rf-reference";

const body = fc.stringMatching(/^[A-Z0-9]{1,21}$/);

describe("ISO 11649 RF creditor reference", () => {
  it("computes and validates the standard's example", () => {
    expect(computeRfReference("539007547034")).toBe("RF18539007547034");
    expect(computeRfReference("5390 0754 7034")).toBe("RF18539007547034");
    expect(isValidRfReference("RF18539007547034")).toBe(true);
    expect(isValidRfReference("RF18 5390 0754 7034")).toBe(true);
    expect(isValidRfReference("rf18539007547034")).toBe(true);
    expect(isValidRfReference("RF19539007547034")).toBe(false);
    expect(isValidRfReference("RF185390075470341234567890")).toBe(false);
    expect(isValidRfReference("RF18")).toBe(false);
    expect(isValidRfReference("DE18539007547034")).toBe(false);
  });

  it("formats in groups of four", () => {
    expect(formatRfReference("RF18539007547034")).toBe("RF18 5390 0754 7034");
    expect(formatRfReference("RF47A1B2C3")).toBe("RF47 A1B2 C3");
  });

  it("refuses bodies that are empty, too long or not alphanumeric", () => {
    expect(() => computeRfReference("")).toThrow(RangeError);
    expect(() => computeRfReference("1234567890123456789012")).toThrow(RangeError);
    expect(() => computeRfReference("INV-1")).toThrow(RangeError);
  });

  it("finds a valid reference in free text, grouped or not", () => {
    expect(findRfReference("Payment RF18 5390 0754 7034 thanks")).toBe("RF18539007547034");
    expect(findRfReference("ref:RF18539007547034/INV")).toBe("RF18539007547034");
    expect(findRfReference("RF47 A1B2 C3")).toBe("RF47A1B2C3");
    expect(findRfReference("pay RF19 5390 0754 7034 now")).toBeNull();
    expect(findRfReference("SURF18539007547034")).toBeNull();
    expect(findRfReference("nothing here")).toBeNull();
  });

  it("round-trips: computed references validate and are found in text, formatted or not", () => {
    fc.assert(
      fc.property(body, fc.boolean(), (b, grouped) => {
        const ref = computeRfReference(b);
        expect(ref.slice(4)).toBe(b);
        expect(isValidRfReference(ref)).toBe(true);
        expect(isValidRfReference(formatRfReference(ref))).toBe(true);
        const printed = grouped ? formatRfReference(ref) : ref;
        expect(findRfReference(`Invoice payment ${printed}. Thank you`)).toBe(ref);
      }),
    );
  });

  // Mod 97 catches every substitution of a digit by a digit or a letter by a letter; a digit swapped for a letter
  // changes the number's length and slips through about once in 97 (e.g. RF1853900754K034), as in ISO 11649 itself.
  it("detects any single-character substitution of the same kind", () => {
    fc.assert(
      fc.property(body, fc.nat(), fc.integer({ min: 1, max: 35 }), (b, position, shift) => {
        const ref = computeRfReference(b);
        const at = position % ref.length;
        const ch = ref[at]!;
        const changed = /\d/.test(ch)
          ? String.fromCharCode(48 + ((ch.charCodeAt(0) - 48 + (shift % 9) + 1) % 10))
          : String.fromCharCode(65 + ((ch.charCodeAt(0) - 65 + (shift % 25) + 1) % 26));
        expect(isValidRfReference(ref.slice(0, at) + changed + ref.slice(at + 1))).toBe(false);
      }),
    );
  });
});
