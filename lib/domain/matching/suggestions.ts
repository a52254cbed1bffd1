import { daysBetween } from "./dates";
import { type BankChargesPolicy, DEFAULT_BANK_CHARGES_POLICY, looksLikeBankCharges } from "./bank-charges";
import { type CandidateInvoice, isPayable, type PaymentFacts } from "./candidates";
import { identifyInvoices } from "./auto-match";
import { nameSimilarity } from "./name-similarity";

export type SuggestionReason =
  | { code: "rf_reference" }
  | { code: "invoice_number" }
  | { code: "amount_equals_outstanding" }
  | { code: "amount_equals_instalment"; label: string }
  | { code: "amount_close"; differenceMinor: bigint }
  | { code: "name_similar"; similarity: number }
  | { code: "due_date_near"; days: number }
  | { code: "currency_differs" };

export interface Suggestion {
  invoiceId: string;
  score: number;
  reasons: SuggestionReason[];
  /** What one click would apply, in the payment's currency. */
  amountMinor: bigint;
  /** Pre-filled when the shortfall looks like bank charges. */
  bankChargesMinor: bigint;
  currencyDiffers: boolean;
}

export const NAME_SIMILARITY_THRESHOLD = 0.5;
export const DUE_DATE_WINDOW_DAYS = 30;

/**
 * Ranks open invoices as guesses for a payment a person is about to match; nothing here is ever applied by itself.
 * An invoice the payment names (held back for review) comes first; then an amount equal to what an instalment or
 * the invoice still owes, or short of it by what looks like bank charges; a payer name like the buyer's; a booking
 * date near a due date. An invoice needs the name, the amount or the reference to be suggested at all.
 */
export function rankSuggestions(
  payment: PaymentFacts,
  candidates: readonly CandidateInvoice[],
  { limit = 5, policy = DEFAULT_BANK_CHARGES_POLICY }: { limit?: number; policy?: BankChargesPolicy } = {},
): Suggestion[] {
  const named = identifyInvoices(payment, candidates);
  const namedIds = new Set(named?.invoices.map((invoice) => invoice.id));
  const suggestions: Suggestion[] = [];
  for (const invoice of candidates) {
    if (!isPayable(invoice) || invoice.outstandingMinor <= 0n) continue;
    const reasons: SuggestionReason[] = [];
    let score = 0;
    let strong = false;
    let bankChargesMinor = 0n;
    const sameCurrency = invoice.currency === payment.currency;
    const amount = payment.unappliedMinor;

    if (namedIds.has(invoice.id)) {
      reasons.push({ code: named!.method });
      score += 100;
      strong = true;
    }
    if (sameCurrency) {
      const instalment = invoice.instalments.find((item) => item.outstandingMinor === amount);
      if (invoice.outstandingMinor === amount) {
        reasons.push({ code: "amount_equals_outstanding" });
        score += 40;
        strong = true;
      } else if (instalment) {
        reasons.push({ code: "amount_equals_instalment", label: instalment.label });
        score += 40;
        strong = true;
      } else {
        const close = [invoice.outstandingMinor, ...invoice.instalments.map((item) => item.outstandingMinor)].find((due) =>
          looksLikeBankCharges({ shortfallMinor: due - amount, dueMinor: due, reportedChargesMinor: payment.chargesMinor, currency: payment.currency }, policy),
        );
        if (close !== undefined) {
          reasons.push({ code: "amount_close", differenceMinor: close - amount });
          bankChargesMinor = close - amount;
          score += 25;
          strong = true;
        }
      }
    } else {
      reasons.push({ code: "currency_differs" });
      score -= 10;
    }
    if (payment.payerName) {
      const similarity = nameSimilarity(payment.payerName, invoice.buyerName);
      if (similarity >= NAME_SIMILARITY_THRESHOLD) {
        reasons.push({ code: "name_similar", similarity: Math.round(similarity * 100) / 100 });
        score += Math.round(similarity * 30);
        strong = true;
      }
    }
    const nearest = nearestDueDistance(invoice, payment.bookingDate);
    if (nearest !== null && nearest <= DUE_DATE_WINDOW_DAYS) {
      reasons.push({ code: "due_date_near", days: nearest });
      score += Math.round(((DUE_DATE_WINDOW_DAYS - nearest) / DUE_DATE_WINDOW_DAYS) * 10);
    }
    if (!strong) continue;
    suggestions.push({
      invoiceId: invoice.id,
      score,
      reasons,
      amountMinor: sameCurrency && invoice.outstandingMinor < amount ? invoice.outstandingMinor : amount,
      bankChargesMinor,
      currencyDiffers: !sameCurrency,
    });
  }
  return suggestions.sort((a, b) => b.score - a.score || a.invoiceId.localeCompare(b.invoiceId)).slice(0, limit);
}

function nearestDueDistance(invoice: CandidateInvoice, bookingDate: string): number | null {
  let nearest: number | null = null;
  for (const instalment of invoice.instalments) {
    if (instalment.dueDate === null || instalment.outstandingMinor <= 0n) continue;
    const distance = Math.abs(daysBetween(instalment.dueDate, bookingDate));
    if (nearest === null || distance < nearest) nearest = distance;
  }
  return nearest;
}
