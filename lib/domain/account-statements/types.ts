import type { OrganizationAccountKind } from "../ledger/accounts";
import type { CurrencyCode } from "../money";
import type { StatementMonth } from "./month";

export interface StatementCause {
  type: string;
  id: string;
}

/** One journal line on one of the organization's accounts in the statement's currency, as posted. */
export interface StatementPosting {
  /** The journal line id (a bigint as text): posting order, the order running balances follow. */
  lineId: string;
  entryId: string;
  accountKind: OrganizationAccountKind;
  amountMinor: bigint;
  postedAt: Date;
  entryType: string;
  description: string;
  cause: StatementCause | null;
  reversesEntryId: string | null;
}

/** One fee as charged (a fee_charges row, or an FX conversion's fee). */
export interface FeeCharge {
  /** fee_charges.type (collection, payout, …) or `fx_conversion`. */
  type: string;
  /** The amount a rate applied to; null for a fixed fee. */
  basisMinor: bigint | null;
  /** Exact fraction ("0.006" = 0.6 %); null for a fixed fee. */
  rate: string | null;
  amountMinor: bigint;
}

/** What an entry took in fees in the statement's currency. */
export interface EntryFees {
  /** The entry's fee_revenue line: positive when fees were charged, negative when a reversal gave them back. */
  feeRevenueMinor: bigint;
  /** The breakdown of the fees (for a reversal, the reversed entry's); empty when none is recorded. */
  charges: readonly FeeCharge[];
}

/** An account the organization holds in the statement's currency, with the ledger's balances at the period's edges. */
export interface StatementAccount {
  kind: OrganizationAccountKind;
  /** The sum of the account's lines posted before the month began. */
  openingMinor: bigint;
  /** The ledger's balance as of the month's end, read independently of the month's lines. */
  ledgerClosingMinor: bigint;
}

export interface StatementInput {
  currency: CurrencyCode;
  month: StatementMonth;
  accounts: readonly StatementAccount[];
  /** The month's postings on those accounts, any order. */
  postings: readonly StatementPosting[];
  /** By entry id; entries without fees in the currency may be missing. */
  fees: ReadonlyMap<string, EntryFees>;
}

export type StatementFee = FeeCharge & {
  /** A fee given back by a reversal (a credit). */
  refund: boolean;
};

export interface StatementLine {
  /** `movement`: the posting's amount before fees; `fee`: one fee taken from (or given back to) it. */
  kind: "movement" | "fee";
  lineId: string;
  entryId: string;
  postedAt: Date;
  entryType: string;
  description: string;
  cause: StatementCause | null;
  reversesEntryId: string | null;
  fee: StatementFee | null;
  /** Signed: a credit is positive. */
  amountMinor: bigint;
  debitMinor: bigint;
  creditMinor: bigint;
  /** The account's balance after this line. */
  balanceMinor: bigint;
}

export interface StatementSection {
  kind: OrganizationAccountKind;
  openingMinor: bigint;
  lines: StatementLine[];
  creditsMinor: bigint;
  debitsMinor: bigint;
  /** Fees charged less fees given back, on this account. */
  netFeesMinor: bigint;
  closingMinor: bigint;
  ledgerClosingMinor: bigint;
  /** The closing balance (opening plus every line) equals the ledger's balance at the month's end. */
  reconciled: boolean;
}

export interface FeeTotal {
  type: string;
  /** Charged less given back. */
  amountMinor: bigint;
  count: number;
}

export interface AccountStatement {
  currency: CurrencyCode;
  month: StatementMonth;
  sections: StatementSection[];
  /** Fees of the month by type, over every account. */
  feeTotals: FeeTotal[];
  reconciled: boolean;
}
