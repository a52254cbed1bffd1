import { randomBytes } from "node:crypto";
import type { Transaction } from "@/db/client";
import type { StatementTransaction } from "@/lib/domain/statements";
import { chooseRef, cleanText } from "@/lib/domain/statements/reference";
import { localDateOf } from "@/lib/domain/time/local-day";
import { collectionAccountFor } from "../collections/accounts";
import { type BankReceipt, recordBankReceipt } from "../collections/receipts";
import { ActionError } from "../guard/action-error";
import { type AutoMatchOutcome, autoMatchPayments } from "./auto-match";

/** The sandbox bank is the one in use (BANK_ADAPTER unset or "sandbox"): only then may transfers be simulated. */
export function sandboxBankActive(): boolean {
  return (process.env.BANK_ADAPTER || "sandbox") === "sandbox";
}

export interface SimulatedTransfer {
  organizationId: string;
  currency: string;
  amountMinor: bigint;
  payerName?: string | null;
  /** What the buyer wrote: an RF reference, an invoice number, free text. */
  remittanceText?: string | null;
  /** Charges the bank reports having deducted on the way. */
  chargesMinor?: bigint;
  /** YYYY-MM-DD; today in the organization's time zone when not given. */
  bookingDate?: string;
  timeZone?: string;
  createdBy?: string | null;
}

/** A fresh bank reference, as a sandbox bank would stamp a credit: SBX + date + 12 random hex digits. */
function sandboxBankRef(bookingDate: string): string {
  return `SBX${bookingDate.replace(/-/g, "")}${randomBytes(6).toString("hex").toUpperCase()}`;
}

/** The statement line a real bank would report for this credit (the reference read as a parser reads `ref`). */
export function sandboxStatementTransaction(account: string, transfer: SimulatedTransfer, bookingDate: string): StatementTransaction {
  const text = cleanText(transfer.remittanceText ?? undefined);
  const ref = chooseRef({ texts: [text] });
  const party = cleanText(transfer.payerName ?? undefined);
  return {
    account,
    currency: transfer.currency,
    direction: "credit",
    amountMinor: transfer.amountMinor,
    bookingDate,
    valueDate: bookingDate,
    bankRef: sandboxBankRef(bookingDate),
    ...(ref ? { ref } : {}),
    ...(text ? { text } : {}),
    ...(party ? { party } : {}),
    reversal: false,
  };
}

/** A statement credit as the collections core takes it in. */
export function receiptFromStatement(
  line: StatementTransaction,
  context: { organizationId: string; collectionAccountId: string; source: BankReceipt["source"]; statementImportId?: string | null; createdBy?: string | null; chargesMinor?: bigint },
): BankReceipt {
  return {
    organizationId: context.organizationId,
    source: context.source,
    statementImportId: context.statementImportId ?? null,
    collectionAccountId: context.collectionAccountId,
    accountIdentifier: line.account,
    bankRef: line.bankRef,
    currency: line.currency,
    amountMinor: line.amountMinor,
    bookingDate: line.bookingDate,
    valueDate: line.valueDate,
    reference: line.ref ?? null,
    remittanceText: line.text ?? null,
    payerName: line.party ?? null,
    chargesMinor: context.chargesMinor ?? 0n,
    createdBy: context.createdBy ?? null,
  };
}

/**
 * A buyer's transfer to the organization's collection account in that currency, as the sandbox bank reports it:
 * stored and matched exactly like a credit line of an imported statement (receipt, then automatic matching).
 */
export async function simulateIncomingTransfer(tx: Transaction, transfer: SimulatedTransfer): Promise<{ paymentId: string; outcome: AutoMatchOutcome | null }> {
  if (!sandboxBankActive()) throw new ActionError("sandbox_transfer_unavailable");
  if (transfer.amountMinor <= 0n) throw new ActionError("invalid_allocation_amount");
  const account = await collectionAccountFor(tx, transfer.organizationId, transfer.currency);
  if (!account) throw new ActionError("no_collection_account", { currency: transfer.currency });
  const bookingDate = transfer.bookingDate ?? localDateOf(new Date(), transfer.timeZone);
  const line = sandboxStatementTransaction(account.accountIdentifier, transfer, bookingDate);
  const { paymentId } = await recordBankReceipt(
    tx,
    receiptFromStatement(line, {
      organizationId: transfer.organizationId,
      collectionAccountId: account.id,
      source: "sandbox_transfer",
      createdBy: transfer.createdBy,
      chargesMinor: transfer.chargesMinor,
    }),
  );
  const summary = await autoMatchPayments(tx, transfer.organizationId, [paymentId]);
  return { paymentId, outcome: summary.outcomes[0] ?? null };
}
