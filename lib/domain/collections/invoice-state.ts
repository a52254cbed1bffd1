/** An instalment's figures as stored; `paidMinor` counts settled amounts including written-off bank charges. */
export interface InstalmentFigures {
  readonly amountMinor: bigint;
  readonly paidMinor: bigint;
  /** YYYY-MM-DD, or null while it waits on the B/L date. */
  readonly dueDate: string | null;
}

export type InstalmentState = "open" | "partially_paid" | "paid";
export type InvoicePaymentState = "open" | "partially_paid" | "paid";

export interface InvoiceState {
  readonly instalments: readonly { status: InstalmentState; isOverdue: boolean }[];
  readonly status: InvoicePaymentState;
  readonly paidMinor: bigint;
  readonly isOverdue: boolean;
  /** The earliest due date of an unpaid instalment that has one. */
  readonly nextDueDate: string | null;
}

function paymentState(paid: bigint, amount: bigint): InstalmentState {
  if (paid < 0n || paid > amount) throw new RangeError(`Paid ${paid} outside 0..${amount}`);
  if (paid === amount) return "paid";
  return paid === 0n ? "open" : "partially_paid";
}

/**
 * What an issued invoice's figures say about it on `today` (YYYY-MM-DD in the organization's time zone): an
 * unpaid instalment is overdue from the day after its due date. A zero-amount instalment is paid.
 */
export function invoiceState(instalments: readonly InstalmentFigures[], today: string): InvoiceState {
  let paid = 0n;
  let total = 0n;
  let nextDueDate: string | null = null;
  const states = instalments.map((instalment) => {
    paid += instalment.paidMinor;
    total += instalment.amountMinor;
    const status = paymentState(instalment.paidMinor, instalment.amountMinor);
    const unpaid = status !== "paid";
    if (unpaid && instalment.dueDate !== null && (nextDueDate === null || instalment.dueDate < nextDueDate)) {
      nextDueDate = instalment.dueDate;
    }
    return { status, isOverdue: unpaid && instalment.dueDate !== null && instalment.dueDate < today };
  });
  return {
    instalments: states,
    status: total === 0n ? "paid" : paymentState(paid, total),
    paidMinor: paid,
    isOverdue: states.some((state) => state.isOverdue),
    nextDueDate,
  };
}
