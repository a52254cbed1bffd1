import { type FeeLine, totalFees } from "../fees";
import type { EntryDraft, EntryLine } from "../ledger";
import { describeEntry } from "../ledger/descriptions";
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
  return {
    organizationId,
    idempotencyKey: `receipt:${paymentId}`,
    type: "collection_receipt",
    description: receipt.payerName
      ? describeEntry("incomingTransferFrom", { payer: receipt.payerName, bankRef: receipt.bankRef })
      : describeEntry("incomingTransfer", { bankRef: receipt.bankRef }),
    cause: { type: "incoming_payment", id: paymentId },
    lines: [
      { account: { organizationId: null, kind: "bank_clearing", currency }, amountMinor: -receipt.amountMinor },
      { account: { organizationId, kind: "unapplied", currency }, amountMinor: receipt.amountMinor },
    ],
  };
}

/** The platform's fee_revenue line for `fees`, the same as lib/server/fees feeRevenueLine; none when they sum to zero. */
function feeRevenue(currency: CurrencyCode, fees: readonly FeeLine[]): EntryLine[] {
  const total = totalFees(currency, fees);
  return total === 0n ? [] : [{ account: { organizationId: null, kind: "fee_revenue", currency }, amountMinor: total }];
}

/** What is left of `grossMinor` once `fees` are taken: refused when the fees would take all of it. */
export function netOfFees(currency: CurrencyCode, grossMinor: bigint, fees: readonly FeeLine[]): bigint {
  const net = grossMinor - totalFees(currency, fees);
  if (net <= 0n) throw new RangeError(`Fees of ${grossMinor - net} would take all of ${grossMinor} ${currency}`);
  return net;
}

/**
 * The ledger entry of one allocation of bank money, key `allocation:<allocationId>`: the organization's
 * unapplied −A, and for an invoice available +(A − fees) with the fees as the platform's fee_revenue line; for a
 * buyer's credit buyer_credit +A (a credit is charged nothing until it is applied to an invoice).
 */
export function allocationEntry(
  organizationId: string,
  allocationId: string,
  allocation: { target: "invoice" | "buyer_credit"; currency: string; amountMinor: bigint; description: string; fees?: readonly FeeLine[] },
): EntryDraft {
  const currency = allocation.currency as CurrencyCode;
  const fees = allocation.fees ?? [];
  if (allocation.target === "buyer_credit" && fees.length > 0) throw new RangeError("A buyer's credit is charged no fee until it is applied");
  return {
    organizationId,
    idempotencyKey: `allocation:${allocationId}`,
    type: allocation.target === "invoice" ? "collection_match" : "buyer_credit",
    description: allocation.description.slice(0, 200),
    cause: { type: "payment_allocation", id: allocationId },
    lines: [
      { account: { organizationId, kind: "unapplied", currency }, amountMinor: -allocation.amountMinor },
      {
        account: { organizationId, kind: allocation.target === "invoice" ? "available" : "buyer_credit", currency },
        amountMinor: netOfFees(currency, allocation.amountMinor, fees),
      },
      ...feeRevenue(currency, fees),
    ],
  };
}

/**
 * The ledger entry that clears a card payment, key `card-clearing:<cardPaymentId>`: the organization's pending
 * −A; available + (what paid invoices − fees) with the fees as the platform's fee_revenue line; buyer_credit
 * + what the buyer paid beyond the invoice (charged nothing).
 */
export function cardClearingEntry(
  organizationId: string,
  cardPaymentId: string,
  clearing: { currency: string; amountMinor: bigint; creditMinor: bigint; processorPaymentId: string; fees: readonly FeeLine[] },
): EntryDraft {
  const currency = clearing.currency as CurrencyCode;
  if (clearing.creditMinor < 0n || clearing.creditMinor > clearing.amountMinor) throw new RangeError("The credit is part of the card payment");
  const invoicePart = clearing.amountMinor - clearing.creditMinor;
  if (invoicePart === 0n && clearing.fees.length > 0) throw new RangeError("A buyer's credit is charged no fee until it is applied");
  const lines: EntryLine[] = [{ account: { organizationId, kind: "pending", currency }, amountMinor: -clearing.amountMinor }];
  if (invoicePart > 0n) lines.push({ account: { organizationId, kind: "available", currency }, amountMinor: netOfFees(currency, invoicePart, clearing.fees) });
  if (clearing.creditMinor > 0n) lines.push({ account: { organizationId, kind: "buyer_credit", currency }, amountMinor: clearing.creditMinor });
  return {
    organizationId,
    idempotencyKey: `card-clearing:${cardPaymentId}`,
    type: "card_clearing",
    description: describeEntry("cardPaymentCleared", { reference: clearing.processorPaymentId }),
    cause: { type: "card_payment", id: cardPaymentId },
    lines: [...lines, ...feeRevenue(currency, clearing.fees)],
  };
}
