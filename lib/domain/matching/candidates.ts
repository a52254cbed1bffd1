/** The facts matching looks at, whatever stores them. */

export type InvoiceStatus = "draft" | "open" | "partially_paid" | "paid" | "void";

export interface CandidateInstalment {
  label: string;
  outstandingMinor: bigint;
  /** YYYY-MM-DD, or null while it waits on the B/L date. */
  dueDate: string | null;
}

export interface CandidateInvoice {
  id: string;
  number: string;
  rfReference: string | null;
  buyerId: string;
  buyerName: string;
  currency: string;
  status: InvoiceStatus;
  outstandingMinor: bigint;
  /** Unpaid instalments in order; may be left empty where only the invoice's figures are known. */
  instalments: readonly CandidateInstalment[];
}

export interface PaymentFacts {
  currency: string;
  /** What is still to be applied. */
  unappliedMinor: bigint;
  reference?: string | null;
  remittanceText?: string | null;
  payerName?: string | null;
  /** YYYY-MM-DD */
  bookingDate: string;
  /** Charges the bank reported deducting on the way. */
  chargesMinor: bigint;
}

export function isPayable(invoice: Pick<CandidateInvoice, "status">): boolean {
  return invoice.status === "open" || invoice.status === "partially_paid";
}
