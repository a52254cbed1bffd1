import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatRfReference, isValidRfReference } from "@/lib/domain/statements/rf-reference";
import { isValidHsCode } from "./hs-code";
import { formatInvoiceNumber, parseInvoiceNumber } from "./number";
import { INCOTERMS, isIncoterm, isInvoiceCurrency } from "./reference-data";
import { invoiceRfReference, rfOrganizationPrefix } from "./rf";

describe("invoice numbers", () => {
  it("formats INV-YYYY-NNNN and reads it back", () => {
    expect(formatInvoiceNumber(2026, 1)).toBe("INV-2026-0001");
    expect(formatInvoiceNumber(2026, 12345)).toBe("INV-2026-12345");
    expect(parseInvoiceNumber("inv-2026-0042")).toEqual({ year: 2026, sequence: 42 });
    expect(parseInvoiceNumber("INV-26-1")).toBeNull();
    expect(() => formatInvoiceNumber(2026, 0)).toThrow(RangeError);
  });

  it("round-trips any year and sequence", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 9999 }), fc.integer({ min: 1, max: 10_000_000 }), (year, sequence) => {
        const number = formatInvoiceNumber(year, sequence);
        expect(number).toMatch(/^INV-\d{4}-\d{4,}$/);
        expect(parseInvoiceNumber(number)).toEqual({ year, sequence });
      }),
    );
  });
});

describe("RF creditor references", () => {
  const org = "0195f0c2-7d1a-4b3e-9a55-6c2e8d9f1a77";

  it("builds RF + check digits + organization prefix + year + sequence, valid under ISO 11649", () => {
    const ref = invoiceRfReference(org, 2026, 7);
    expect(ref).toMatch(/^RF\d{2}[0-9A-Z]{21}$/);
    expect(ref.endsWith(`${rfOrganizationPrefix(org)}26000007`)).toBe(true);
    expect(isValidRfReference(ref)).toBe(true);
    expect(formatRfReference(ref).split(" ").every((group, i, all) => group.length === 4 || i === all.length - 1)).toBe(true);
  });

  it("is valid and distinct for any organization, year and sequence", () => {
    fc.assert(
      fc.property(fc.uuid(), fc.uuid(), fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 999_999 }), (a, b, year, sequence) => {
        const ref = invoiceRfReference(a, year, sequence);
        expect(ref.length).toBeLessThanOrEqual(25);
        expect(isValidRfReference(ref)).toBe(true);
        expect(isValidRfReference(formatRfReference(ref))).toBe(true);
        if (a.replace(/-/g, "").slice(0, 16) !== b.replace(/-/g, "").slice(0, 16)) expect(invoiceRfReference(b, year, sequence)).not.toBe(ref);
        if (sequence > 1) expect(invoiceRfReference(a, year, sequence - 1)).not.toBe(ref);
      }),
    );
  });

  it("detects a mistyped digit", () => {
    const ref = invoiceRfReference(org, 2026, 7);
    const typo = ref.slice(0, -1) + (ref.endsWith("7") ? "8" : "7");
    expect(isValidRfReference(typo)).toBe(false);
  });
});

describe("reference data", () => {
  it("knows the ten Incoterms 2020 and the invoice currencies", () => {
    expect([...INCOTERMS].sort()).toEqual(["CFR", "CIF", "CIP", "CPT", "DAP", "DDP", "DPU", "EXW", "FCA", "FOB"]);
    expect(isIncoterm("DAT")).toBe(false);
    expect(["USD", "EUR", "GBP", "JPY", "AUD", "CAD", "HKD", "SGD", "CNY"].every(isInvoiceCurrency)).toBe(true);
    expect(isInvoiceCurrency("KWD")).toBe(false);
  });

  it.each([
    ["731815", true],
    ["7318.15", true],
    ["7318.15.00", true],
    ["8467.21.00.00", true],
    ["7318150090", true],
    ["73181", false],
    ["73181500901", false],
    ["7318..15", false],
    ["7318-15", false],
    ["", false],
  ])("HS code %s valid: %s", (code, valid) => {
    expect(isValidHsCode(code)).toBe(valid);
  });
});
