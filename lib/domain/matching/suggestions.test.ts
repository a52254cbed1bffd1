import { describe, expect, it } from "vitest";
import type { CandidateInvoice, PaymentFacts } from "./candidates";
import { rankSuggestions } from "./suggestions";

function invoice(id: string, overrides: Partial<CandidateInvoice> = {}): CandidateInvoice {
  return {
    id,
    number: `INV-2026-00${id.length}${id.charCodeAt(0) % 10}`,
    rfReference: null,
    buyerId: `buyer-${id}`,
    buyerName: "Someone Else Trading",
    currency: "USD",
    status: "open",
    outstandingMinor: 1_000_000n,
    instalments: [{ label: "full", outstandingMinor: 1_000_000n, dueDate: "2026-06-30" }],
    ...overrides,
  };
}

const payment: PaymentFacts = { currency: "USD", unappliedMinor: 300_000n, payerName: "PACIFIC RIM HARDWARE PTY LTD", bookingDate: "2026-03-03", chargesMinor: 0n };

describe("suggestions", () => {
  it("ranks amount and name together above either alone, and leaves out invoices with neither", () => {
    const both = invoice("both", {
      buyerName: "Pacific Rim Hardware Pty Ltd",
      outstandingMinor: 1_000_000n,
      instalments: [
        { label: "deposit", outstandingMinor: 300_000n, dueDate: "2026-03-01" },
        { label: "balance", outstandingMinor: 700_000n, dueDate: null },
      ],
    });
    const amountOnly = invoice("amount", { outstandingMinor: 300_000n, instalments: [{ label: "full", outstandingMinor: 300_000n, dueDate: "2026-01-01" }] });
    const nameOnly = invoice("name", { buyerName: "Pacific Rim Hardware" });
    const neither = invoice("neither", { instalments: [{ label: "full", outstandingMinor: 1_000_000n, dueDate: "2026-03-03" }] });
    const ranked = rankSuggestions(payment, [neither, nameOnly, amountOnly, both]);
    expect(ranked.map((s) => s.invoiceId)).toEqual(["both", "amount", "name"]);
    expect(ranked[0]!.reasons.map((r) => r.code)).toEqual(["amount_equals_instalment", "name_similar", "due_date_near"]);
    expect(ranked[0]!.amountMinor).toBe(300_000n);
  });

  it("suggests a shortfall that looks like bank charges with the charges pre-filled", () => {
    const [suggestion] = rankSuggestions({ ...payment, unappliedMinor: 297_500n }, [invoice("x", { outstandingMinor: 300_000n, instalments: [] })]);
    expect(suggestion).toMatchObject({ invoiceId: "x", bankChargesMinor: 2_500n, reasons: [{ code: "amount_close", differenceMinor: 2_500n }] });
  });

  it("puts an invoice held back for a person first and flags another currency", () => {
    const euro = invoice("eur", { currency: "EUR", rfReference: "RF18539007547034" });
    const ranked = rankSuggestions({ ...payment, reference: "RF18539007547034" }, [invoice("amount", { outstandingMinor: 300_000n }), euro]);
    expect(ranked[0]).toMatchObject({ invoiceId: "eur", currencyDiffers: true });
    expect(ranked[0]!.reasons.map((r) => r.code)).toEqual(["rf_reference", "currency_differs"]);
  });

  it("never suggests paid, draft or void invoices, and caps an amount at what is owed", () => {
    const ranked = rankSuggestions({ ...payment, unappliedMinor: 1_200_000n, payerName: "Pacific Rim Hardware" }, [
      invoice("paid", { status: "paid", buyerName: "Pacific Rim Hardware", outstandingMinor: 0n }),
      invoice("void", { status: "void", buyerName: "Pacific Rim Hardware" }),
      invoice("open", { buyerName: "Pacific Rim Hardware" }),
    ]);
    expect(ranked.map((s) => [s.invoiceId, s.amountMinor])).toEqual([["open", 1_000_000n]]);
  });
});
