import type { EntryDraft } from "../ledger";
import type { CurrencyCode } from "../money";

/**
 * The ledger entry that takes in bank money for an organization: platform bank_clearing −X, the organization's
 * unapplied +X, key `receipt:<paymentId>`. One builder for the single and the set-based paths, so both post
 * the same entry (and a retry of either hashes the same).
 */
export function receiptEntry(
  organizationId: string,
  paymentId: string,
  receipt: { currency: string; amountMinor: bigint; bankRef: string; payerName?: string | null },
): EntryDraft {
  const currency = receipt.currency as CurrencyCode;
  const from = receipt.payerName ? ` from ${receipt.payerName}` : "";
  return {
    organizationId,
    idempotencyKey: `receipt:${paymentId}`,
    type: "collection_receipt",
    description: `Incoming transfer${from} · ${receipt.bankRef}`.slice(0, 200),
    cause: { type: "incoming_payment", id: paymentId },
    lines: [
      { account: { organizationId: null, kind: "bank_clearing", currency }, amountMinor: -receipt.amountMinor },
      { account: { organizationId, kind: "unapplied", currency }, amountMinor: receipt.amountMinor },
    ],
  };
}

/**
 * The ledger entry of one allocation of bank money: the organization's unapplied −A, and available +A for an
 * invoice or buyer_credit +A for a buyer's credit, key `allocation:<allocationId>`.
 */
export function allocationEntry(
  organizationId: string,
  allocationId: string,
  allocation: { target: "invoice" | "buyer_credit"; currency: string; amountMinor: bigint; description: string },
): EntryDraft {
  const currency = allocation.currency as CurrencyCode;
  return {
    organizationId,
    idempotencyKey: `allocation:${allocationId}`,
    type: allocation.target === "invoice" ? "collection_match" : "buyer_credit",
    description: allocation.description.slice(0, 200),
    cause: { type: "payment_allocation", id: allocationId },
    lines: [
      { account: { organizationId, kind: "unapplied", currency }, amountMinor: -allocation.amountMinor },
      { account: { organizationId, kind: allocation.target === "invoice" ? "available" : "buyer_credit", currency }, amountMinor: allocation.amountMinor },
    ],
  };
}
