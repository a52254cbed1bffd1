import { describe, expect, it } from "vitest";
import { money } from "../money";
import { disputedAmountRefusal } from "./amount";

describe("disputed amount", () => {
  const paid = money(1_000_000n, "USD");

  it("may be anything from one cent up to what was paid", () => {
    expect(disputedAmountRefusal(money(1n, "USD"), paid)).toBeNull();
    expect(disputedAmountRefusal(money(1_000_000n, "USD"), paid)).toBeNull();
  });

  it.each([
    [money(1_000_001n, "USD"), "dispute_amount_above_paid"],
    [money(0n, "USD"), "dispute_amount_not_positive"],
    [money(-5n, "USD"), "dispute_amount_not_positive"],
    [money(100n, "EUR"), "dispute_amount_currency_mismatch"],
  ] as const)("%o is refused: %s", (disputed, code) => {
    expect(disputedAmountRefusal(disputed, paid)).toBe(code);
  });
});
