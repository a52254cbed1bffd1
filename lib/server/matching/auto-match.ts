import { rawClient, type Transaction } from "@/db/client";
import {
  type AutoMatchDecision,
  type CandidateInvoice,
  decideAutoMatch,
  invoiceNumberKey,
  type PaymentFacts,
  quotedReferences,
  storedSpellings,
} from "@/lib/domain/matching";
import { allocateBatch, type BatchAllocation } from "../collections/allocate-batch";
import { invoicesNamed } from "./candidates";

export interface AutoMatchOutcome {
  paymentId: string;
  decision: AutoMatchDecision;
}

export interface AutoMatchSummary {
  /** Payments whose money was applied automatically. */
  matchedCount: number;
  /** Payments that name an invoice but were left for a person (another currency, a paid or void invoice…). */
  heldCount: number;
  outcomes: AutoMatchOutcome[];
}

interface PaymentRow {
  id: string;
  currency: string;
  unapplied_minor: bigint;
  reference: string | null;
  remittance_text: string | null;
  payer_name: string | null;
  booking_date: string;
  charges_minor: bigint;
}

/** Payments looked at together: one lookup of the invoices they name per chunk. */
const CHUNK = 5_000;

/**
 * Matches newly received bank payments of one organization to the invoices they name — by RF reference, else by
 * invoice numbers in their text — and applies the money through the collections core (method rf_reference or
 * invoice_number) in one batch per chunk. Anything else is left unmatched for a person, with suggestions computed when it is looked at.
 * Called in the receiving transaction (statement import, sandbox transfer); card payments and payments with
 * nothing left to apply are skipped. Invoices are loaded in bulk per chunk; the figures kept in memory follow each
 * application, so two payments of one batch to one invoice are judged as they happen.
 */
export async function autoMatchPayments(tx: Transaction, organizationId: string, paymentIds: readonly string[]): Promise<AutoMatchSummary> {
  const summary: AutoMatchSummary = { matchedCount: 0, heldCount: 0, outcomes: [] };
  for (let start = 0; start < paymentIds.length; start += CHUNK) {
    await matchChunk(tx, organizationId, paymentIds.slice(start, start + CHUNK), summary);
  }
  return summary;
}

async function matchChunk(tx: Transaction, organizationId: string, paymentIds: readonly string[], summary: AutoMatchSummary) {
  const sql = rawClient(tx);
  // Joined from the ids (see allocateBatch): each payment comes by its key.
  const payments = await sql<PaymentRow[]>`
    select p.id, p.currency, p.unapplied_minor, p.reference, p.remittance_text, p.payer_name, to_char(p.booking_date, 'YYYY-MM-DD') as booking_date,
           p.charges_minor
      from unnest(${sql.array([...paymentIds])}::uuid[]) as k(id) join incoming_payments p on p.id = k.id
     where p.organization_id = ${organizationId} and p.source <> 'card' and p.unapplied_minor > 0
     order by p.booking_date, p.id`;
  const facts = payments.map((row) => ({ id: row.id, facts: toFacts(row), quoted: quotedReferences({ reference: row.reference, remittanceText: row.remittance_text }) }));
  const rfReferences = new Set<string>();
  const numbers = new Set<string>();
  for (const { quoted } of facts) {
    if (quoted.rfReference) rfReferences.add(quoted.rfReference);
    for (const key of quoted.invoiceNumberKeys) for (const spelling of storedSpellings(key)) numbers.add(spelling);
  }
  const candidates = await invoicesNamed(tx, organizationId, [...rfReferences], [...numbers]);
  if (candidates.length === 0) return;
  const byId = new Map(candidates.map((candidate) => [candidate.id, candidate]));
  const byRf = new Map<string, CandidateInvoice>();
  const byNumberKey = new Map<string, CandidateInvoice[]>();
  for (const candidate of candidates) {
    if (candidate.rfReference) byRf.set(candidate.rfReference, candidate);
    const key = invoiceNumberKey(candidate.number);
    byNumberKey.set(key, [...(byNumberKey.get(key) ?? []), candidate]);
  }

  const items: BatchAllocation[] = [];
  for (const { id, facts: payment, quoted } of facts) {
    // Only the invoices this payment names can be its match: decide among those.
    const named = new Set<CandidateInvoice>();
    const byReference = quoted.rfReference ? byRf.get(quoted.rfReference) : undefined;
    if (byReference) named.add(byReference);
    for (const key of quoted.invoiceNumberKeys) for (const candidate of byNumberKey.get(key) ?? []) named.add(candidate);
    if (named.size === 0) continue;
    const decision = decideAutoMatch(payment, [...named]);
    if (decision.kind === "none") continue;
    summary.outcomes.push({ paymentId: id, decision });
    if (decision.kind === "review") {
      summary.heldCount += 1;
      continue;
    }
    for (const allocation of decision.allocations) {
      items.push({ paymentId: id, invoiceId: allocation.invoiceId, amountMinor: allocation.amountMinor, method: decision.method });
      settleInMemory(byId.get(allocation.invoiceId)!, allocation.amountMinor);
    }
  }
  const { applied } = await allocateBatch(tx, organizationId, items);
  summary.matchedCount += new Set(applied.map((item) => item.paymentId)).size;
}

function toFacts(row: PaymentRow): PaymentFacts {
  return {
    currency: row.currency.trim(),
    unappliedMinor: BigInt(row.unapplied_minor),
    reference: row.reference,
    remittanceText: row.remittance_text,
    payerName: row.payer_name,
    bookingDate: row.booking_date,
    chargesMinor: BigInt(row.charges_minor),
  };
}

/** What the core just did to the invoice, mirrored: instalments settled oldest first, the excess went to credit. */
function settleInMemory(invoice: CandidateInvoice, amountMinor: bigint): void {
  let left = amountMinor < invoice.outstandingMinor ? amountMinor : invoice.outstandingMinor;
  invoice.outstandingMinor -= left;
  invoice.status = invoice.outstandingMinor === 0n ? "paid" : "partially_paid";
  invoice.instalments = invoice.instalments.map((instalment) => {
    const take = left < instalment.outstandingMinor ? left : instalment.outstandingMinor;
    left -= take;
    return { ...instalment, outstandingMinor: instalment.outstandingMinor - take };
  });
}
