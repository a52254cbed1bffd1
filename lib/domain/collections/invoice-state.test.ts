import { describe, expect, it } from "vitest";
import { invoiceState } from "./invoice-state";

describe("invoiceState", () => {
  const deposit = { amountMinor: 30_000n, dueDate: "2026-11-01" };
  const balance = { amountMinor: 70_000n, dueDate: null };

  it("is open with nothing paid and due on the nearest unpaid date", () => {
    const state = invoiceState([{ ...deposit, paidMinor: 0n }, { ...balance, paidMinor: 0n }], "2026-11-01");
    expect(state.status).toBe("open");
    expect(state.isOverdue).toBe(false);
    expect(state.nextDueDate).toBe("2026-11-01");
  });

  it("is overdue from the day after the due date", () => {
    const state = invoiceState([{ ...deposit, paidMinor: 10_000n }, { ...balance, paidMinor: 0n }], "2026-11-02");
    expect(state.status).toBe("partially_paid");
    expect(state.instalments[0]).toEqual({ status: "partially_paid", isOverdue: true });
    expect(state.isOverdue).toBe(true);
  });

  it("an instalment waiting on the B/L date is never overdue", () => {
    const state = invoiceState([{ ...deposit, paidMinor: 30_000n }, { ...balance, paidMinor: 0n }], "2027-06-01");
    expect(state.instalments).toEqual([
      { status: "paid", isOverdue: false },
      { status: "open", isOverdue: false },
    ]);
    expect(state.nextDueDate).toBeNull();
    expect(state.paidMinor).toBe(30_000n);
  });

  it("is paid when every instalment is", () => {
    const state = invoiceState([{ ...deposit, paidMinor: 30_000n }, { ...balance, dueDate: "2026-01-01", paidMinor: 70_000n }], "2027-01-01");
    expect(state.status).toBe("paid");
    expect(state.isOverdue).toBe(false);
  });

  it("refuses figures that cannot be", () => {
    expect(() => invoiceState([{ ...deposit, paidMinor: 30_001n }], "2026-11-01")).toThrow(RangeError);
  });
});
