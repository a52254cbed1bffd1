import { describe, expect, it } from "vitest";
import { validateEntry } from "../ledger";
import { conversionDescription, conversionEntryLines, type ConversionAmounts } from "./conversion-entry";

const ORG = "0b6f3c1e-6f0a-4d57-9a51-3f2a4c8e9d10";
const AMOUNTS: ConversionAmounts = { customerRate: "7.1234", sellAmountMinor: 10_000n, feeMinor: 30n, sellTotalMinor: 10_030n, buyAmountMinor: 71_234n };

describe("a conversion's ledger entry", () => {
  it("takes the sold total from the organization, the amount and the fee to the platform, and gives the bought amount", () => {
    expect(conversionEntryLines(ORG, "USD", "CNY", AMOUNTS)).toEqual([
      { account: { organizationId: ORG, kind: "available", currency: "USD" }, amountMinor: -10_030n },
      { account: { organizationId: null, kind: "fx_position", currency: "USD" }, amountMinor: 10_000n },
      { account: { organizationId: null, kind: "fee_revenue", currency: "USD" }, amountMinor: 30n },
      { account: { organizationId: null, kind: "fx_position", currency: "CNY" }, amountMinor: -71_234n },
      { account: { organizationId: ORG, kind: "available", currency: "CNY" }, amountMinor: 71_234n },
    ]);
  });

  it("has no fee line without a fee, and balances either way", () => {
    const free = { ...AMOUNTS, feeMinor: 0n, sellTotalMinor: 10_000n };
    expect(conversionEntryLines(ORG, "USD", "CNY", free).map((line) => line.account.kind)).toEqual(["available", "fx_position", "fx_position", "available"]);
    for (const amounts of [AMOUNTS, free]) {
      const draft = { organizationId: ORG, idempotencyKey: "k", type: "fx_conversion", description: "d", lines: conversionEntryLines(ORG, "USD", "CNY", amounts) };
      expect(() => validateEntry(draft)).not.toThrow();
    }
  });

  it("describes the amounts converted and the rate", () => {
    expect(conversionDescription("USD", "CNY", AMOUNTS)).toBe("USD 100.00 → CNY 712.34 @ 7.1234");
  });
});
