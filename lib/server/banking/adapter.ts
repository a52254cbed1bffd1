import type { Executor } from "@/db/client";
import type { PayoutBeneficiarySnapshot } from "@/db/schema";
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

/** A transfer out to an organization's settlement bank account. */
export interface PayoutOrder {
  /** Our payout's id: the bank's idempotency key (sending it twice sends one transfer). */
  payoutId: string;
  currency: string;
  /** What the beneficiary receives (the payout's net amount), in minor units. */
  amountMinor: bigint;
  /** expedited: same-day, settled at once; standard: the bank's usual clearing. */
  speed: "standard" | "expedited";
  beneficiary: PayoutBeneficiarySnapshot;
}

export interface PayoutContext {
  tx: Executor;
  now: Date;
}

/** What the bank says of a transfer it accepted. `failed`: never left; `returned`: the receiving bank sent it back. */
export type PayoutBankStatus =
  | { state: "in_transit" }
  | { state: "paid"; at: Date }
  | { state: "failed" | "returned"; reason: string };

/**
 * The bank (or banking-as-a-service provider) that opens per-currency collection accounts for organizations.
 * Opening is idempotent per holder and currency: asking again returns the same details.
 */
export interface BankAdapter {
  readonly provider: string;
  issueCollectionAccount(holder: AccountHolder, currency: CollectionCurrency, context: IssueContext): Promise<IssuedAccount>;
}

/** A bank that also sends payouts. Sending is idempotent per payout: asking again returns the same reference. */
export interface PayoutBankAdapter extends BankAdapter {
  sendPayout(order: PayoutOrder, context: PayoutContext): Promise<{ reference: string }>;
  payoutStatus(reference: string, context: PayoutContext): Promise<PayoutBankStatus>;
}
