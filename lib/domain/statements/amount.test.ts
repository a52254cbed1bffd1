import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toDecimalString } from "@/lib/domain/money";
import { parseStatementAmount } from "./amount";
import { StatementParseError } from "./errors";

const currencies = fc.constantFrom("EUR", "USD", "JPY", "KWD", "CNY");

describe("statement amounts", () => {
  it("parse back exactly from decimal strings with a comma or a dot, padded or not", () => {
    fc.assert(
      fc.property(currencies, fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.constantFrom(".", ","), fc.nat(3), (currency, minor, sep, pad) => {
        let text = toDecimalString(minor, currency).replace(".", sep);
        if (pad > 0) text += (text.includes(sep) ? "" : sep) + "0".repeat(pad);
        expect(parseStatementAmount(text, currency, sep as "." | ",", {})).toBe(minor);
      }),
    );
  });

  it("accepts MT940's trailing comma and refuses real extra decimals, signs and grouping", () => {
    expect(parseStatementAmount("1000,", "JPY", ",", {})).toBe(1000n);
    expect(parseStatementAmount("1000,00", "JPY", ",", {})).toBe(1000n);
    expect(parseStatementAmount("0,5", "EUR", ",", {})).toBe(50n);
    for (const bad of ["1000,50", "-5,00", "1.000,00", "", ",", "1e3"]) {
      expect(() => parseStatementAmount(bad, "JPY", ",", { line: 3 })).toThrow(StatementParseError);
    }
  });
});
