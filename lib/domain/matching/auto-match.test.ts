import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeRfReference, formatRfReference } from "../statements/rf-reference";
import { decideAutoMatch, dueUpTo } from "./auto-match";
import type { CandidateInvoice, PaymentFacts } from "./candidates";
import { largestBankCharges, looksLikeBankCharges } from "./bank-charges";

function invoice(overrides: Partial<CandidateInvoice> & { id: string; number: string }): CandidateInvoice {
  return {
    rfReference: computeRfReference(overrides.number.replace(/\D/g, "")),
    buyerId: "buyer-1",
    buyerName: "Acme Tools",
    currency: "USD",
    status: "open",
    outstandingMinor: 1_000_000n,
    instalments: [
      { label: "deposit", outstandingMinor: 300_000n, dueDate: "2026-03-01" },
      { label: "balance", outstandingMinor: 700_000n, dueDate: "2026-05-01" },
    ],
    ...overrides,
  };
}

const a = invoice({ id: "a", number: "INV-2026-0001" });
const b = invoice({ id: "b", number: "INV-2026-0002", outstandingMinor: 500_000n, instalments: [{ label: "full", outstandingMinor: 500_000n, dueDate: "2026-04-01" }] });
const euro = invoice({ id: "e", number: "INV-2026-0003", currency: "EUR" });

function payment(overrides: Partial<PaymentFacts>): PaymentFacts {
  return { currency: "USD", unappliedMinor: 1_000_000n, bookingDate: "2026-03-02", chargesMinor: 0n, ...overrides };
}

describe("automatic matching", () => {
  it("matches by RF reference before an invoice number in the text", () => {
    const decision = decideAutoMatch(payment({ reference: b.rfReference, remittanceText: "INV-2026-0001", unappliedMinor: 500_000n }), [a, b]);
    expect(decision).toMatchObject({ kind: "apply", method: "rf_reference", outcome: "exact", allocations: [{ invoiceId: "b", amountMinor: 500_000n }] });
  });

  it("finds an RF reference printed in groups in the text", () => {
    const text = `Payment ${formatRfReference(a.rfReference!).toLowerCase()} thanks`;
    expect(decideAutoMatch(payment({ remittanceText: text }), [a, b])).toMatchObject({ kind: "apply", method: "rf_reference" });
  });

  it("falls back to the invoice number when the RF reference is unknown", () => {
    const decision = decideAutoMatch(payment({ reference: computeRfReference("999999"), remittanceText: "inv 2026 0002", unappliedMinor: 200_000n }), [a, b]);
    expect(decision).toMatchObject({ kind: "apply", method: "invoice_number", outcome: "partial", allocations: [{ invoiceId: "b", amountMinor: 200_000n }] });
  });

  it("matches nothing without a reference or number", () => {
    expect(decideAutoMatch(payment({ remittanceText: "March goods", payerName: "Acme Tools" }), [a, b])).toEqual({ kind: "none" });
  });

  it("keeps an overpayment's excess as credit", () => {
    const decision = decideAutoMatch(payment({ reference: b.rfReference, unappliedMinor: 520_000n }), [a, b]);
    expect(decision).toMatchObject({ kind: "apply", outcome: "overpayment", excessMinor: 20_000n, allocations: [{ invoiceId: "b", amountMinor: 520_000n }] });
  });

  it("holds a payment in another currency than the invoice's for a person", () => {
    expect(decideAutoMatch(payment({ reference: euro.rfReference }), [euro])).toEqual({
      kind: "review",
      method: "rf_reference",
      reason: "currency_mismatch",
      invoiceIds: ["e"],
    });
  });

  it("holds payments to paid or void invoices", () => {
    expect(decideAutoMatch(payment({ reference: a.rfReference }), [{ ...a, status: "paid", outstandingMinor: 0n }])).toMatchObject({ kind: "review", reason: "already_paid" });
    expect(decideAutoMatch(payment({ remittanceText: "INV-2026-0001" }), [{ ...a, status: "void" }])).toMatchObject({ kind: "review", reason: "not_payable" });
  });

  it("pays several named invoices only when the money covers them all", () => {
    const both = payment({ remittanceText: "INV-2026-0001 / INV-2026-0002", unappliedMinor: 1_500_000n });
    expect(decideAutoMatch(both, [a, b])).toMatchObject({
      kind: "apply",
      outcome: "exact",
      allocations: [
        { invoiceId: "a", amountMinor: 1_000_000n },
        { invoiceId: "b", amountMinor: 500_000n },
      ],
    });
    expect(decideAutoMatch({ ...both, unappliedMinor: 1_400_000n }, [a, b])).toMatchObject({ kind: "review", reason: "several_invoices", invoiceIds: ["a", "b"] });
  });

  it("offers to settle a deposit paid short by bank charges", () => {
    const decision = decideAutoMatch(payment({ reference: a.rfReference, unappliedMinor: 297_500n }), [a]);
    expect(decision).toMatchObject({ kind: "apply", outcome: "partial", bankChargesOffer: { invoiceId: "a", shortfallMinor: 2_500n } });
    // A deliberate part payment is no bank charge.
    expect(decideAutoMatch(payment({ reference: a.rfReference, unappliedMinor: 200_000n }), [a])).toMatchObject({ bankChargesOffer: null });
  });

  it("measures a shortfall against the instalments the amount reaches", () => {
    expect(dueUpTo(a, 297_500n)).toBe(300_000n);
    expect(dueUpTo(a, 300_001n)).toBe(1_000_000n);
    expect(dueUpTo({ instalments: [], outstandingMinor: 42n }, 1n)).toBe(42n);
  });

  it("recognises bank charges by the reported amount, a small amount or a small share", () => {
    const base = { dueMinor: 10_000_000n, reportedChargesMinor: 0n, currency: "USD" };
    expect(looksLikeBankCharges({ ...base, shortfallMinor: 3_500n })).toBe(true);
    expect(looksLikeBankCharges({ ...base, shortfallMinor: 50_000n })).toBe(true); // 0.5 % of 100,000.00
    expect(looksLikeBankCharges({ ...base, shortfallMinor: 50_001n })).toBe(false);
    expect(looksLikeBankCharges({ ...base, shortfallMinor: 90_000n, reportedChargesMinor: 90_000n })).toBe(true);
    expect(looksLikeBankCharges({ ...base, shortfallMinor: 0n })).toBe(false);
  });

  it("bounds what charges can take, so a lookup by amount finds every shortfall that looks like charges", () => {
    expect(largestBankCharges(100_000n, "USD")).toBe(3_500n);
    expect(largestBankCharges(10_000_000n, "USD")).toBe(50_252n);
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 10n ** 10n }), (amount, shortfall) => {
        const charges = looksLikeBankCharges({ shortfallMinor: shortfall, dueMinor: amount + shortfall, reportedChargesMinor: 0n, currency: "USD" });
        if (charges) expect(shortfall).toBeLessThanOrEqual(largestBankCharges(amount, "USD"));
      }),
    );
  });

  it("property: an applied decision hands out exactly the payment, in its currency, to named invoices", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 5_000_000n }), fc.constantFrom("USD", "EUR"), fc.constantFrom(0, 1, 2), (amount, currency, which) => {
        const target = [a, b, euro][which]!;
        const decision = decideAutoMatch(payment({ currency, unappliedMinor: amount, reference: target.rfReference }), [a, b, euro]);
        if (target.currency !== currency) {
          expect(decision.kind).toBe("review");
          return;
        }
        expect(decision.kind).toBe("apply");
        if (decision.kind !== "apply") return;
        expect(decision.allocations.reduce((sum, item) => sum + item.amountMinor, 0n)).toBe(amount);
        expect(decision.allocations.map((item) => item.invoiceId)).toEqual([target.id]);
        expect(decision.excessMinor).toBe(amount > target.outstandingMinor ? amount - target.outstandingMinor : 0n);
      }),
    );
  });
});
