import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { invoiceNumberKey, invoiceNumberKeysIn, storedSpellings } from "./invoice-number";
import { quotedReferences } from "./payment-reference";

describe("invoice numbers in remittance text", () => {
  it("reads every usual spelling of one number as the same key", () => {
    const key = invoiceNumberKey("INV-2026-0012");
    expect(key).toBe("INV-2026-12");
    for (const text of ["INV-2026-0012", "inv 2026 0012", "INV20260012", "Payment for Inv/2026/12 thanks", "ref:INV.2026.0012", "INV 2026-012"]) {
      expect(invoiceNumberKeysIn(text)).toEqual([key]);
    }
  });

  it("does not read a number out of a longer run of letters or digits", () => {
    expect(invoiceNumberKeysIn("XINV-2026-0012")).toEqual(["XINV-2026-12"]);
    expect(invoiceNumberKeysIn("INV-2026-00123")).toEqual(["INV-2026-123"]);
    expect(invoiceNumberKeysIn("2026 0012 / 12.03.2026")).toEqual([]);
    expect(invoiceNumberKeysIn("PO 12345")).toEqual([]);
  });

  it("finds several numbers once each, in order", () => {
    expect(invoiceNumberKeysIn("INV-2026-0003 and inv 2026 0004, again INV20260003")).toEqual(["INV-2026-3", "INV-2026-4"]);
  });

  it("spells a key as it may be stored", () => {
    expect(storedSpellings("INV-2026-12")).toEqual(["INV-2026-0012", "INV-2026-12"]);
    expect(storedSpellings("INV-2026-12345")).toEqual(["INV-2026-12345"]);
  });

  it("property: any mix of case and separators around a stored number finds it", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.constantFrom("", " ", "-", "  ", "/", ".", " - "),
        fc.constantFrom("", " ", "-", "/"),
        fc.boolean(),
        fc.constantFrom("", "Payment ", "pmt for ", "OUR REF 77 "),
        (sequence, sep1, sep2, lower, before) => {
          const stored = `INV-2026-${String(sequence).padStart(4, "0")}`;
          const typed = `INV${sep1}2026${sep2}${String(sequence).padStart(4, "0")}`;
          const text = `${before}${lower ? typed.toLowerCase() : typed} thank you`;
          expect(invoiceNumberKeysIn(text)).toContain(invoiceNumberKey(stored));
        },
      ),
    );
  });

  it("takes a structured RF reference first, else one in the text, and numbers from both", () => {
    expect(quotedReferences({ reference: "RF18539007547034", remittanceText: "INV-2026-0001" })).toEqual({
      rfReference: "RF18539007547034",
      invoiceNumberKeys: ["INV-2026-1"],
    });
    expect(quotedReferences({ reference: "E2E-77", remittanceText: "pay rf18 5390 0754 7034 please" }).rfReference).toBe("RF18539007547034");
    // Wrong check digits are no reference.
    expect(quotedReferences({ reference: "RF19539007547034", remittanceText: null }).rfReference).toBeNull();
  });
});
