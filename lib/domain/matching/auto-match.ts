import { type BankChargesPolicy, DEFAULT_BANK_CHARGES_POLICY, looksLikeBankCharges } from "./bank-charges";
import { type CandidateInvoice, isPayable, type PaymentFacts } from "./candidates";
import { invoiceNumberKey } from "./invoice-number";
import { quotedReferences } from "./payment-reference";

export type MatchMethod = "rf_reference" | "invoice_number";

/** The invoices a payment names, by the first rule that names any: its RF reference, else invoice numbers in its text. */
export interface Identification {
  method: MatchMethod;
  invoices: CandidateInvoice[];
}

export function identifyInvoices(payment: Pick<PaymentFacts, "reference" | "remittanceText">, candidates: readonly CandidateInvoice[]): Identification | null {
  const quoted = quotedReferences(payment);
  if (quoted.rfReference) {
    const invoice = candidates.find((candidate) => candidate.rfReference === quoted.rfReference);
    if (invoice) return { method: "rf_reference", invoices: [invoice] };
  }
  if (quoted.invoiceNumberKeys.length === 0) return null;
  const wanted = new Set(quoted.invoiceNumberKeys);
  const invoices = candidates.filter((candidate) => wanted.has(invoiceNumberKey(candidate.number)));
  return invoices.length > 0 ? { method: "invoice_number", invoices } : null;
}

export type PaymentOutcome = "exact" | "partial" | "overpayment";

export interface PlannedAllocation {
  invoiceId: string;
  /** Payment money to apply (payment currency); on the last invoice it includes any excess. */
  amountMinor: bigint;
}

export type ReviewReason = "currency_mismatch" | "not_payable" | "already_paid" | "several_invoices";

export type AutoMatchDecision =
  | {
      kind: "apply";
      method: MatchMethod;
      outcome: PaymentOutcome;
      allocations: PlannedAllocation[];
      /** Beyond what the invoices owe: kept as the buyer's credit. */
      excessMinor: bigint;
      /** A shortfall small enough to be bank charges: offered to a person to settle the invoice with. */
      bankChargesOffer: { invoiceId: string; shortfallMinor: bigint } | null;
    }
  /** Named an invoice, but a person must decide. */
  | { kind: "review"; method: MatchMethod; reason: ReviewReason; invoiceIds: string[] }
  | { kind: "none" };

/**
 * What to do with a payment automatically. One named invoice in the payment's currency takes the money: less than
 * owed is a partial payment, more is an overpayment whose excess becomes the buyer's credit. Several named invoices
 * take it only when it covers them all (each fully, the excess as credit). Another currency, a paid, draft or void
 * invoice, or several invoices the money cannot cover, go to a person.
 */
export function decideAutoMatch(
  payment: PaymentFacts,
  candidates: readonly CandidateInvoice[],
  policy: BankChargesPolicy = DEFAULT_BANK_CHARGES_POLICY,
): AutoMatchDecision {
  if (payment.unappliedMinor <= 0n) return { kind: "none" };
  const identified = identifyInvoices(payment, candidates);
  if (!identified) return { kind: "none" };
  const { method, invoices } = identified;
  const review = (reason: ReviewReason): AutoMatchDecision => ({ kind: "review", method, reason, invoiceIds: invoices.map((invoice) => invoice.id) });

  if (invoices.some((invoice) => invoice.currency !== payment.currency)) return review("currency_mismatch");
  if (invoices.some((invoice) => invoice.status === "paid" || (isPayable(invoice) && invoice.outstandingMinor <= 0n))) return review("already_paid");
  if (invoices.some((invoice) => !isPayable(invoice))) return review("not_payable");

  const owed = invoices.reduce((sum, invoice) => sum + invoice.outstandingMinor, 0n);
  const amount = payment.unappliedMinor;
  if (invoices.length > 1) {
    if (amount < owed) return review("several_invoices");
    const allocations = invoices.map((invoice) => ({ invoiceId: invoice.id, amountMinor: invoice.outstandingMinor }));
    allocations[allocations.length - 1]!.amountMinor += amount - owed;
    return { kind: "apply", method, outcome: amount === owed ? "exact" : "overpayment", allocations, excessMinor: amount - owed, bankChargesOffer: null };
  }

  const invoice = invoices[0]!;
  const outcome: PaymentOutcome = amount === owed ? "exact" : amount < owed ? "partial" : "overpayment";
  const due = outcome === "partial" ? dueUpTo(invoice, amount) : owed;
  const shortfall = due - amount;
  const charges =
    outcome === "partial" &&
    looksLikeBankCharges({ shortfallMinor: shortfall, dueMinor: due, reportedChargesMinor: payment.chargesMinor, currency: payment.currency }, policy);
  return {
    kind: "apply",
    method,
    outcome,
    allocations: [{ invoiceId: invoice.id, amountMinor: amount }],
    excessMinor: outcome === "overpayment" ? amount - owed : 0n,
    bankChargesOffer: charges ? { invoiceId: invoice.id, shortfallMinor: shortfall } : null,
  };
}

/**
 * What the payment was most likely meant to pay: the unpaid instalments in order, up to the first whose running
 * total reaches the amount (a deposit paid short by charges is short of the deposit, not of the whole invoice).
 */
export function dueUpTo(invoice: Pick<CandidateInvoice, "instalments" | "outstandingMinor">, amountMinor: bigint): bigint {
  let running = 0n;
  for (const instalment of invoice.instalments) {
    if (instalment.outstandingMinor <= 0n) continue;
    running += instalment.outstandingMinor;
    if (running >= amountMinor) return running;
  }
  return invoice.outstandingMinor;
}
