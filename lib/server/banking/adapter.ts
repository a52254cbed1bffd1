import type { Executor } from "@/db/client";
import type { CollectionCurrency, ReceivingDetails, ReceivingScheme } from "@/lib/domain/banking";

/** Whose account is opened: the organization and the name buyers must write as beneficiary. */
export interface AccountHolder {
  organizationId: string;
  name: string;
}

/** Receiving details as the bank issued them (stored in collection_accounts). */
export interface IssuedAccount {
  provider: string;
  scheme: ReceivingScheme;
  /** What the bank's statements name the account by: the IBAN (no spaces), else the account number. */
  accountIdentifier: string;
  accountHolder: string;
  details: ReceivingDetails;
  bankName: string;
  bankAddress: string;
}

export interface IssueContext {
  /** The caller's transaction, for adapters that keep their own books in the database (the sandbox does). */
  tx: Executor;
}

/**
 * The bank (or banking-as-a-service provider) that opens per-currency collection accounts for organizations.
 * Opening is idempotent per holder and currency: asking again returns the same details.
 */
export interface BankAdapter {
  readonly provider: string;
  issueCollectionAccount(holder: AccountHolder, currency: CollectionCurrency, context: IssueContext): Promise<IssuedAccount>;
}
