import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { accountKey, ACCOUNT_KINDS, isPlatformKind, mayGoNegative } from "./accounts";
import { type EntryDraft, type EntryLine, MAX_AMOUNT_MINOR, validateEntry } from "./entry";
import { LedgerError, type LedgerErrorCode } from "./errors";
import { canonicalRequest } from "./request";

const ORG = "11111111-1111-4111-8111-111111111111";
const OTHER_ORG = "22222222-2222-4222-8222-222222222222";

function collection(overrides: Partial<EntryDraft> = {}): EntryDraft {
  return {
    organizationId: ORG,
    idempotencyKey: "invoice-42-payment",
    type: "collection",
    description: "Buyer payment for invoice 42",
    lines: [
      { account: { organizationId: null, kind: "bank_clearing", currency: "USD" }, amountMinor: -100000n },
      { account: { organizationId: ORG, kind: "available", currency: "USD" }, amountMinor: 99400n },
      { account: { organizationId: null, kind: "fee_revenue", currency: "USD" }, amountMinor: 600n },
    ],
    ...overrides,
  };
}

function refusal(draft: EntryDraft): LedgerErrorCode {
  try {
    validateEntry(draft);
  } catch (error) {
    if (error instanceof LedgerError) return error.code;
    throw error;
  }
  throw new Error("validateEntry accepted the draft");
}

describe("account catalogue", () => {
  it("lets only platform clearing and FX position accounts go negative", () => {
    expect(ACCOUNT_KINDS.filter(mayGoNegative)).toEqual(["fx_position", "bank_clearing", "card_clearing", "payout_clearing"]);
  });

  it("gives organizations available, pending, reserved, unapplied and buyer credit, the platform the rest", () => {
    expect(ACCOUNT_KINDS.filter((kind) => !isPlatformKind(kind))).toEqual(["available", "pending", "reserved", "unapplied", "buyer_credit"]);
  });
});

describe("validateEntry", () => {
  it("accepts the collection from the domain picture and keeps lines in account order", () => {
    const entry = validateEntry(collection());
    expect(entry.lines.map((line) => accountKey(line.account))).toEqual([
      `${ORG}:available:USD`,
      "platform:bank_clearing:USD",
      "platform:fee_revenue:USD",
    ]);
    expect(entry.cause).toBeNull();
    expect(entry.reversesEntryId).toBeNull();
  });

  it("accepts a conversion that balances in each currency", () => {
    const lines: EntryLine[] = [
      { account: { organizationId: ORG, kind: "available", currency: "USD" }, amountMinor: -10000n },
      { account: { organizationId: null, kind: "fx_position", currency: "USD" }, amountMinor: 10000n },
      { account: { organizationId: null, kind: "fx_position", currency: "CNY" }, amountMinor: -71500n },
      { account: { organizationId: ORG, kind: "available", currency: "CNY" }, amountMinor: 71500n },
    ];
    expect(validateEntry(collection({ type: "fx_conversion", lines })).lines).toHaveLength(4);
  });

  it("refuses an entry that does not sum to zero, naming the currency", () => {
    const lines = collection().lines.map((line, i) => (i === 2 ? { ...line, amountMinor: 601n } : line));
    expect(() => validateEntry(collection({ lines }))).toThrow(expect.objectContaining({ code: "unbalanced_entry", params: { currency: "USD", imbalanceMinor: "1" } }));
  });

  it("refuses an entry balanced overall but not per currency", () => {
    const lines: EntryLine[] = [
      { account: { organizationId: ORG, kind: "available", currency: "USD" }, amountMinor: -100n },
      { account: { organizationId: ORG, kind: "available", currency: "EUR" }, amountMinor: 100n },
    ];
    expect(refusal(collection({ lines }))).toBe("unbalanced_entry");
  });

  it.each<[string, Partial<EntryDraft>]>([
    ["one line", { lines: [{ account: { organizationId: ORG, kind: "available", currency: "USD" }, amountMinor: 0n }] }],
    ["no lines", { lines: [] }],
    ["a zero amount", { lines: [
      { account: { organizationId: ORG, kind: "available", currency: "USD" }, amountMinor: 0n },
      { account: { organizationId: null, kind: "bank_clearing", currency: "USD" }, amountMinor: 0n },
    ] }],
    ["a float amount", { lines: [
      { account: { organizationId: ORG, kind: "available", currency: "USD" }, amountMinor: 1.5 as unknown as bigint },
      { account: { organizationId: null, kind: "bank_clearing", currency: "USD" }, amountMinor: -1.5 as unknown as bigint },
    ] }],
    ["an amount beyond int64", { lines: [
      { account: { organizationId: ORG, kind: "available", currency: "USD" }, amountMinor: MAX_AMOUNT_MINOR + 1n },
      { account: { organizationId: null, kind: "bank_clearing", currency: "USD" }, amountMinor: -MAX_AMOUNT_MINOR - 1n },
    ] }],
    ["an unknown currency", { lines: [
      { account: { organizationId: ORG, kind: "available", currency: "XYZ" }, amountMinor: 5n },
      { account: { organizationId: null, kind: "bank_clearing", currency: "XYZ" }, amountMinor: -5n },
    ] }],
    ["an unknown kind", { lines: [
      { account: { organizationId: ORG, kind: "savings" as never, currency: "USD" }, amountMinor: 5n },
      { account: { organizationId: null, kind: "bank_clearing", currency: "USD" }, amountMinor: -5n },
    ] }],
    ["a platform kind owned by an organization", { lines: [
      { account: { organizationId: ORG, kind: "fee_revenue", currency: "USD" }, amountMinor: 5n },
      { account: { organizationId: null, kind: "bank_clearing", currency: "USD" }, amountMinor: -5n },
    ] }],
    ["an organization kind owned by the platform", { lines: [
      { account: { organizationId: null, kind: "available", currency: "USD" }, amountMinor: 5n },
      { account: { organizationId: null, kind: "bank_clearing", currency: "USD" }, amountMinor: -5n },
    ] }],
    ["the same account twice", { lines: [
      { account: { organizationId: ORG, kind: "available", currency: "USD" }, amountMinor: 5n },
      { account: { organizationId: ORG, kind: "available", currency: "USD" }, amountMinor: -5n },
    ] }],
    ["a blank idempotency key", { idempotencyKey: "  " }],
    ["a type that is not a slug", { type: "Collection!" }],
    ["a malformed organization id", { organizationId: "org-1" }],
    ["a cause without an id", { cause: { type: "invoice", id: "" } }],
    ["a description over 500 characters", { description: "x".repeat(501) }],
  ])("refuses %s as invalid_entry", (_, overrides) => {
    expect(refusal(collection(overrides))).toBe("invalid_entry");
  });

  it("refuses lines on another organization's accounts", () => {
    const lines = collection().lines.map((line) =>
      line.account.kind === "available" ? { ...line, account: { ...line.account, organizationId: OTHER_ORG } } : line,
    );
    expect(refusal(collection({ lines }))).toBe("ledger_cross_organization");
  });

  it("refuses organization accounts in a platform entry", () => {
    expect(refusal(collection({ organizationId: null }))).toBe("ledger_cross_organization");
  });
});

describe("canonicalRequest", () => {
  it("does not depend on the order the lines come in", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(collection().lines as EntryLine[], { minLength: 3, maxLength: 3 }), (lines) => {
        expect(canonicalRequest(validateEntry(collection({ lines })))).toBe(canonicalRequest(validateEntry(collection())));
      }),
    );
  });

  it("changes with any amount, description, type or cause, but not with the idempotency key", () => {
    const base = canonicalRequest(validateEntry(collection()));
    const lines = collection().lines.map((line, i) => ({ ...line, amountMinor: line.amountMinor + (i === 0 ? -1n : i === 1 ? 1n : 0n) }));
    expect(canonicalRequest(validateEntry(collection({ lines })))).not.toBe(base);
    expect(canonicalRequest(validateEntry(collection({ description: "other" })))).not.toBe(base);
    expect(canonicalRequest(validateEntry(collection({ type: "adjustment" })))).not.toBe(base);
    expect(canonicalRequest(validateEntry(collection({ cause: { type: "invoice", id: "42" } })))).not.toBe(base);
    expect(canonicalRequest(validateEntry(collection({ idempotencyKey: "another" })))).toBe(base);
  });
});
