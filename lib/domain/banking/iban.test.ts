import fc from "fast-check";
import { composeIBAN } from "ibantools";
import { describe, expect, it } from "vitest";
import { composeIban, ibanCheckDigits, ibanChecksumValid } from "./iban";

describe("IBAN check digits (ISO 13616)", () => {
  it.each([
    ["DE", "370400440532013000", "89"],
    ["GB", "WEST12345698765432", "82"],
    ["NL", "ABNA0417164300", "91"],
    ["FR", "20041010050500013M02606", "14"],
  ])("computes the published check digits of %s %s", (country, bban, check) => {
    expect(ibanCheckDigits(country, bban)).toBe(check);
    expect(ibanChecksumValid(composeIban(country, bban))).toBe(true);
  });

  it("agrees with ibantools for German and British BBANs", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{18}$/), fc.stringMatching(/^[A-Z]{4}\d{14}$/), (de, gb) => {
        expect(composeIban("DE", de)).toBe(composeIBAN({ countryCode: "DE", bban: de }));
        expect(composeIban("GB", gb)).toBe(composeIBAN({ countryCode: "GB", bban: gb }));
      }),
    );
  });

  it("catches every swap of two different adjacent characters", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{18}$/), fc.integer({ min: 4, max: 20 }), (bban, i) => {
        const iban = composeIban("DE", bban);
        fc.pre(iban[i] !== iban[i + 1]);
        const swapped = iban.slice(0, i) + iban[i + 1] + iban[i] + iban.slice(i + 2);
        expect(ibanChecksumValid(swapped)).toBe(false);
      }),
    );
  });
});
