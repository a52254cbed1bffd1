import { describe, expect, it } from "vitest";
import { type AmountParseError, parseAmount } from "./parse";

const signed = { allowNegative: true, allowZero: true };

describe("parseAmount accepts what people type", () => {
  it.each([
    ["12,500.00", "USD", 1250000n],
    ["12500", "USD", 1250000n],
    ["12500.5", "USD", 1250050n],
    ["12 500,50", "EUR", 1250050n],
    ["12\u202F500,50", "EUR", 1250050n],
    ["12\u00A0500,50", "EUR", 1250050n],
    ["1 000 000", "USD", 100000000n],
    ["¥1,000", "JPY", 1000n],
    ["¥1,000", "CNY", 100000n],
    ["￥1,000.50", "CNY", 100050n],
    ["$ 1,000.5", "USD", 100050n],
    ["US$1,000", "USD", 100000n],
    ["CN¥88.80", "CNY", 8880n],
    ["€1.234,56", "EUR", 123456n],
    ["1.234,56", "EUR", 123456n],
    ["1.234.567", "JPY", 1234567n],
    ["1,234,567.891", "KWD", 1234567891n],
    ["１２５００", "CNY", 1250000n],
    ["１２，５００．５０", "CNY", 1250050n],
    ["12500。5", "CNY", 1250050n],
    ["USD 100", "USD", 10000n],
    ["usd100", "USD", 10000n],
    ["100 USD", "USD", 10000n],
    ["100USD", "USD", 10000n],
    ["F CFA 1,234", "XOF", 1234n],
    ["12,50", "EUR", 1250n],
    ["0,5", "EUR", 50n],
    ["12,500", "USD", 1250000n],
    ["0.500", "KWD", 500n],
    ["007", "USD", 700n],
    ["+5", "USD", 500n],
    ["  42  ", "USD", 4200n],
  ])("%s %s → %s", (input, currency, expected) => {
    expect(parseAmount(input, currency)).toEqual({ ok: true, amountMinor: expected });
  });

  it.each([
    ["-0.05", "USD", -5n],
    ["(100.00)", "USD", -10000n],
    ["($1,000.50)", "USD", -100050n],
    ["(USD 100)", "USD", -10000n],
    ["（１００）", "CNY", -10000n],
    ["-$1,000", "USD", -100000n],
    ["$-1,000", "USD", -100000n],
    ["-USD 1,000.00", "USD", -100000n],
    ["USD -1,000.00", "USD", -100000n],
    ["\u22125", "USD", -500n],
    ["－5", "USD", -500n],
    ["-9223372036854775807", "JPY", -(2n ** 63n - 1n)],
  ])("negative %s %s → %s", (input, currency, expected) => {
    expect(parseAmount(input, currency, { allowNegative: true })).toEqual({
      ok: true,
      amountMinor: expected,
    });
  });

  it("accepts zero when allowed, with any sign", () => {
    expect(parseAmount("0.00", "USD", { allowZero: true })).toEqual({ ok: true, amountMinor: 0n });
    expect(parseAmount("-0", "USD", signed)).toEqual({ ok: true, amountMinor: 0n });
  });
});

describe("parseAmount errors", () => {
  it.each<[string, string, AmountParseError]>([
    ["", "USD", "empty"],
    ["   ", "USD", "empty"],
    ["\u3000", "USD", "empty"],
    ["abc", "USD", "not_a_number"],
    ["$", "USD", "not_a_number"],
    ["-", "USD", "not_a_number"],
    ["()", "USD", "not_a_number"],
    ["1,00,0", "USD", "not_a_number"],
    ["1,00,000", "INR", "not_a_number"],
    ["12,5000,000", "USD", "not_a_number"],
    ["0,500", "KWD", "not_a_number"],
    ["1.234.567,89,1", "EUR", "not_a_number"],
    ["1,234.567.89", "USD", "not_a_number"],
    ["12 500,500", "KWD", "not_a_number"],
    ["12 500 ,50", "EUR", "not_a_number"],
    ["1.5,000", "EUR", "not_a_number"],
    ["0.12 34", "KWD", "not_a_number"],
    ["1a2", "USD", "not_a_number"],
    ["100.", "USD", "not_a_number"],
    [".5", "USD", "not_a_number"],
    ["1e5", "USD", "not_a_number"],
    ["EUR 100", "USD", "not_a_number"],
    ["100 CNY", "USD", "not_a_number"],
    ["hello 100", "USD", "not_a_number"],
    ["$100 USD", "USD", "not_a_number"],
    ["--5", "USD", "not_a_number"],
    ["-(5)", "USD", "not_a_number"],
    ["(-5)", "USD", "not_a_number"],
    ["5-", "USD", "not_a_number"],
    ["0.001", "USD", "too_many_decimals"],
    ["1.234", "USD", "too_many_decimals"],
    ["1,2345", "EUR", "too_many_decimals"],
    ["1000.00", "JPY", "too_many_decimals"],
    ["1.5", "JPY", "too_many_decimals"],
    ["-5", "USD", "negative_not_allowed"],
    ["(5)", "USD", "negative_not_allowed"],
    ["0", "USD", "zero_not_allowed"],
    ["0.00", "USD", "zero_not_allowed"],
    ["-0", "USD", "zero_not_allowed"],
    ["92233720368547758.08", "USD", "too_large"],
    ["9223372036854775808", "JPY", "too_large"],
    ["-9223372036854775808", "JPY", "too_large"],
  ])("%s %s → %s", (input, currency, error) => {
    const options = error === "negative_not_allowed" || error === "zero_not_allowed" ? {} : signed;
    expect(parseAmount(input, currency, options)).toEqual({ ok: false, error });
  });

  it("accepts the largest amount", () => {
    expect(parseAmount("92,233,720,368,547,758.07", "USD")).toEqual({
      ok: true,
      amountMinor: 2n ** 63n - 1n,
    });
  });
});
