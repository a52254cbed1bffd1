import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkCard, groupCardNumber, isLuhnValid, TEST_CARDS, testCardOutcome } from ".";

const TODAY = { year: 2026, month: 5 };
const form = (overrides: Partial<Parameters<typeof checkCard>[0]> = {}) => ({
  number: "4242 4242 4242 4242",
  expiry: "12/30",
  cvc: "123",
  name: "Maria Jensen",
  ...overrides,
});

describe("Luhn", () => {
  it("accepts the test cards and known numbers, refuses a changed digit", () => {
    for (const number of Object.values(TEST_CARDS)) expect(isLuhnValid(number), number).toBe(true);
    expect(isLuhnValid("79927398713")).toBe(true);
    expect(isLuhnValid("79927398710")).toBe(false);
    expect(isLuhnValid("4242424242424241")).toBe(false);
    expect(isLuhnValid("")).toBe(false);
    expect(isLuhnValid("4242 4242")).toBe(false);
  });

  it("catches every single-digit change (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 1, max: 9 }), (position, delta) => {
        const digits = TEST_CARDS.succeeds.split("").map(Number);
        digits[position] = (digits[position]! + delta) % 10;
        return !isLuhnValid(digits.join(""));
      }),
    );
  });
});

describe("checking a card form", () => {
  it("accepts a valid card and keeps only digits", () => {
    expect(checkCard(form(), TODAY)).toEqual({ ok: true, card: { number: TEST_CARDS.succeeds, expMonth: 12, expYear: 2030, last4: "4242" } });
    expect(checkCard(form({ number: "4000-0027-6000-3184", expiry: "05/2026" }), TODAY)).toMatchObject({ ok: true });
  });

  it("names each problem by field", () => {
    expect(checkCard(form({ number: "4242 4242 4242 4241" }), TODAY)).toEqual({ ok: false, problems: { number: "invalid_number" } });
    expect(checkCard(form({ number: "4242" }), TODAY)).toEqual({ ok: false, problems: { number: "invalid_number" } });
    expect(checkCard(form({ expiry: "04/26" }), TODAY)).toEqual({ ok: false, problems: { expiry: "expired" } });
    expect(checkCard(form({ expiry: "13/30" }), TODAY)).toEqual({ ok: false, problems: { expiry: "invalid_expiry" } });
    expect(checkCard(form({ expiry: "1230" }), TODAY)).toEqual({ ok: false, problems: { expiry: "invalid_expiry" } });
    expect(checkCard(form({ cvc: "12" }), TODAY)).toEqual({ ok: false, problems: { cvc: "invalid_cvc" } });
    expect(checkCard(form({ cvc: "1234" }), TODAY)).toEqual({ ok: false, problems: { cvc: "invalid_cvc" } });
    expect(checkCard(form({ name: "  " }), TODAY)).toEqual({ ok: false, problems: { name: "missing_name" } });
  });

  it("groups a typed number in fours", () => {
    expect(groupCardNumber("4000002760003184")).toBe("4000 0027 6000 3184");
    expect(groupCardNumber("4242-42x")).toBe("4242 42");
  });
});

describe("test cards", () => {
  it("answer like the processor's documentation says", () => {
    expect(testCardOutcome(TEST_CARDS.succeeds)).toEqual({ kind: "approve" });
    expect(testCardOutcome(TEST_CARDS.declined)).toEqual({ kind: "decline", code: "card_declined" });
    expect(testCardOutcome(TEST_CARDS.insufficientFunds)).toEqual({ kind: "decline", code: "insufficient_funds" });
    expect(testCardOutcome(TEST_CARDS.threeDSecure)).toEqual({ kind: "challenge" });
    expect(testCardOutcome("5555555555554444")).toEqual({ kind: "decline", code: "test_card_required" });
  });
});
