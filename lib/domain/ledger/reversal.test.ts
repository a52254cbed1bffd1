import { describe, expect, it } from "vitest";
import { validateEntry } from "./entry";
import { LedgerError } from "./errors";
import { type PostedEntry, reversalOf } from "./reversal";

const ORG = "11111111-1111-4111-8111-111111111111";
const posted: PostedEntry = {
  id: "33333333-3333-4333-8333-333333333333",
  organizationId: ORG,
  cause: { type: "invoice", id: "42" },
  reversesEntryId: null,
  lines: [
    { account: { organizationId: null, kind: "bank_clearing", currency: "USD" }, amountMinor: -100000n },
    { account: { organizationId: ORG, kind: "available", currency: "USD" }, amountMinor: 99400n },
    { account: { organizationId: null, kind: "fee_revenue", currency: "USD" }, amountMinor: 600n },
  ],
};

describe("reversalOf", () => {
  it("negates every line, links back and keeps the cause", () => {
    const reversal = validateEntry(reversalOf(posted, { idempotencyKey: "undo-1", reason: "Duplicate booking" }));
    expect(reversal).toMatchObject({
      organizationId: ORG,
      type: "reversal",
      description: "Duplicate booking",
      reversesEntryId: posted.id,
      cause: posted.cause,
    });
    const amounts = new Map(reversal.lines.map((line) => [line.account.kind, line.amountMinor]));
    expect(amounts).toEqual(new Map([["bank_clearing", 100000n], ["available", -99400n], ["fee_revenue", -600n]]));
  });

  it("refuses to reverse a reversal", () => {
    expect(() => reversalOf({ ...posted, reversesEntryId: posted.id }, { idempotencyKey: "k", reason: "r" })).toThrow(LedgerError);
  });

  it("needs a reason", () => {
    expect(() => reversalOf(posted, { idempotencyKey: "k", reason: " " })).toThrow(expect.objectContaining({ code: "invalid_entry" }));
  });
});
