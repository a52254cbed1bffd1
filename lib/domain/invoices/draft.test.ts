import { describe, expect, it } from "vitest";
import { validateDraft, type DraftInput } from "./draft";
import { averageDaysLate, displayStatus, nextDueDate } from "./status";

const valid: DraftInput = {
  buyerId: "b1",
  currency: "usd",
  issueDate: "2026-03-10",
  lines: [
    { description: "Hex bolts M8×40, zinc plated", hsCode: "7318.15.00", quantity: "20,000", unit: "pcs", unitPrice: "0.0425" },
    { description: "Cordless drill 18V", hsCode: "846721", quantity: "120", unit: "pcs", unitPrice: "38.50" },
  ],
  discount: "100",
  freight: "1,250.00",
  insurance: "",
  terms: { kind: "deposit_balance", depositPercent: "30", depositDays: "0", balanceDays: "60", balanceAnchor: "bill_of_lading" },
  incoterm: "fob",
  portOfLoading: "Ningbo",
  portOfDischarge: "Felixstowe",
};

describe("validateDraft", () => {
  it("normalizes a good draft and computes its totals exactly", () => {
    const result = validateDraft(valid);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.draft.currency).toBe("USD");
    expect(result.draft.incoterm).toBe("FOB");
    expect(result.draft.lines.map((l) => [l.quantity, l.unitPrice, l.amountMinor])).toEqual([
      ["20000", "0.0425", 85_000n],
      ["120", "38.5", 462_000n],
    ]);
    expect(result.draft.totals).toMatchObject({ subtotalMinor: 547_000n, discountMinor: 10_000n, freightMinor: 125_000n, totalMinor: 662_000n });
    expect(result.draft.terms).toEqual({ kind: "deposit_balance", depositBps: 3000, depositDays: 0, balanceDays: 60, balanceAnchor: "bill_of_lading" });
    expect(result.draft.billOfLadingDate).toBeNull();
  });

  it("reports every problem at its field", () => {
    const result = validateDraft({
      ...valid,
      currency: "KWD",
      issueDate: "2026-02-30",
      lines: [{ description: " ", hsCode: "73-18", quantity: "1.2345", unit: "", unitPrice: "1" }],
      terms: { kind: "deposit_balance", depositPercent: "100", depositDays: "0", balanceDays: "x", balanceAnchor: "later" },
      incoterm: "DAT",
      billOfLadingDate: "soon",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.path.join("."), i.code])).toEqual(
      expect.arrayContaining([
        ["currency", "choice"],
        ["issueDate", "format"],
        ["lines.0.description", "required"],
        ["lines.0.unit", "required"],
        ["lines.0.hsCode", "format"],
        ["lines.0.quantity", "too_many_decimals"],
        ["terms.depositPercent", "share"],
        ["terms.balanceDays", "format"],
        ["terms.balanceAnchor", "choice"],
        ["incoterm", "choice"],
        ["billOfLadingDate", "format"],
      ]),
    );
  });

  it("refuses a draft without lines and one whose discount exceeds its value", () => {
    expect(validateDraft({ ...valid, lines: [] })).toMatchObject({ ok: false, issues: [{ path: ["lines"], code: "required" }] });
    expect(validateDraft({ ...valid, discount: "100000" })).toEqual({ ok: false, issues: [{ path: ["discount"], code: "negative_total" }] });
    expect(validateDraft({ ...valid, currency: "JPY", freight: "12.5" })).toMatchObject({ ok: false, issues: [{ path: ["freight"], code: "too_many_decimals" }] });
  });
});

describe("status and lateness", () => {
  it("shows overdue only for unpaid invoices", () => {
    expect(displayStatus("open", true)).toBe("overdue");
    expect(displayStatus("partially_paid", true)).toBe("overdue");
    expect(displayStatus("paid", true)).toBe("paid");
    expect(displayStatus("open", false)).toBe("open");
  });

  it("finds the next due date among unpaid dated instalments", () => {
    expect(
      nextDueDate([
        { status: "paid", dueDate: "2026-01-01" },
        { status: "open", dueDate: "2026-05-01" },
        { status: "partially_paid", dueDate: "2026-04-01" },
        { status: "open", dueDate: null },
      ]),
    ).toBe("2026-04-01");
    expect(nextDueDate([{ status: "open", dueDate: null }])).toBeNull();
  });

  it("averages days late, counting early payments as zero", () => {
    expect(averageDaysLate([])).toBeNull();
    expect(
      averageDaysLate([
        { dueDate: "2026-03-01", paidDate: "2026-03-11" },
        { dueDate: "2026-03-01", paidDate: "2026-02-20" },
        { dueDate: null, paidDate: "2026-02-20" },
      ]),
    ).toBe(5);
  });
});
