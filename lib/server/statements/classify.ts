import type { StatementTransaction } from "@/lib/domain/statements";

export type TransactionRoute =
  /** Money in on one of the organization's collection accounts: becomes an incoming payment. */
  | "receipt"
  /** The bank taking back an earlier credit on one of its collection accounts. */
  | "reversal"
  /** Money out (fees, transfers), or a debit the bank took back: not a buyer paying. */
  | "debit"
  /** On an account that is not one of this organization's collection accounts (in that currency). */
  | "not_ours";

/** An account as collection accounts store it: no spaces or dashes, upper case (IBANs are printed in groups of four). */
export const normalizeAccount = (identifier: string) => identifier.replace(/[\s-]/g, "").toUpperCase();

export const accountKey = (identifier: string, currency: string) => `${normalizeAccount(identifier)}|${currency.toUpperCase()}`;

/** `collectionAccounts`: accountKey → the organization's collection account there. */
export function routeTransaction(tx: StatementTransaction, collectionAccounts: ReadonlyMap<string, unknown>): TransactionRoute {
  if (!collectionAccounts.has(accountKey(tx.account, tx.currency))) return "not_ours";
  if (tx.reversal) return tx.direction === "debit" ? "reversal" : "debit";
  return tx.direction === "credit" ? "receipt" : "debit";
}
