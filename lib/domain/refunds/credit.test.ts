import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buyerCreditByCurrency, checkRefundAmount, type CreditAllocation, type PastRefund } from "./credit";

const bank = (currency: string, amountMinor: bigint, reversed = false): CreditAllocation => ({ currency, amountMinor, reversed, viaCard: false });

describe("buyerCreditByCurrency", () => {
  it("sums live bank credit per currency, less the refunds sent, in currency order", () => {
    const refunds: PastRefund[] = [
      { currency: "USD", amountMinor: 10_000n, status: "sent" },
      { currency: "USD", amountMinor: 5_000n, status: "returned" },
    ];
    expect(buyerCreditByCurrency([bank("USD", 25_000n), bank("EUR", 1_250n), bank("USD", 4_000n), bank("USD", 99_999n, true)], refunds)).toEqual([
      { currency: "EUR", refundableMinor: 1_250n, heldByCardMinor: 0n },
      { currency: "USD", refundableMinor: 19_000n, heldByCardMinor: 0n },
    ]);
  });

  it("keeps card credit apart: it is owed but not in the buyer_credit account", () => {
    expect(buyerCreditByCurrency([{ currency: "USD", amountMinor: 3_000n, reversed: false, viaCard: true }, bank("USD", 1_000n)], [])).toEqual([
      { currency: "USD", refundableMinor: 1_000n, heldByCardMinor: 3_000n },
    ]);
  });

  it("leaves out currencies refunded in full", () => {
    expect(buyerCreditByCurrency([bank("GBP", 7_500n)], [{ currency: "GBP", amountMinor: 7_500n, status: "sent" }])).toEqual([]);
  });

  it("refunding any amount the check allows never leaves the credit below zero", () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 1n, max: 10n ** 12n }), { minLength: 1, maxLength: 5 }), fc.array(fc.bigInt({ min: 1n, max: 10n ** 12n }), { maxLength: 8 }), (credits, asks) => {
        const refunds: PastRefund[] = [];
        for (const ask of asks) {
          const [credit] = buyerCreditByCurrency(credits.map((amount) => bank("USD", amount)), refunds);
          if (checkRefundAmount(ask, credit?.refundableMinor ?? 0n).ok) refunds.push({ currency: "USD", amountMinor: ask, status: "sent" });
        }
        const [left] = buyerCreditByCurrency(credits.map((amount) => bank("USD", amount)), refunds);
        expect(left?.refundableMinor ?? 0n).toBeGreaterThanOrEqual(0n);
        const total = credits.reduce((a, b) => a + b, 0n);
        expect((left?.refundableMinor ?? 0n) + refunds.reduce((a, r) => a + r.amountMinor, 0n)).toBe(total);
      }),
    );
  });
});

describe("checkRefundAmount", () => {
  it.each([
    [5_000n, 5_000n, { ok: true }],
    [1n, 5_000n, { ok: true }],
    [5_001n, 5_000n, { ok: false, error: "refund_exceeds_credit" }],
    [1n, 0n, { ok: false, error: "refund_no_credit" }],
    [0n, 5_000n, { ok: false, error: "amount_zero_not_allowed" }],
    [-1n, 5_000n, { ok: false, error: "amount_zero_not_allowed" }],
  ])("%s out of %s", (amount, credit, expected) => {
    expect(checkRefundAmount(amount, credit)).toEqual(expected);
  });
});
