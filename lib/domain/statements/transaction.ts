/** One movement on a bank account as read from a statement, whatever the format. */
export interface StatementTransaction {
  /** IBAN or account number, without spaces. */
  account: string;
  currency: string;
  direction: "credit" | "debit";
  /** Positive; the sign is `direction`. */
  amountMinor: bigint;
  /** YYYY-MM-DD */
  bookingDate: string;
  /** YYYY-MM-DD */
  valueDate: string;
  /** The bank's reference; with `account` it identifies the transaction across re-imports. */
  bankRef: string;
  /** The ISO 11649 RF creditor reference when there is one, else the end-to-end id. */
  ref?: string;
  /** Unstructured remittance information. */
  text?: string;
  /** The counterparty's name. */
  party?: string;
  reversal: boolean;
}

export interface StatementSummary {
  account: string;
  currency: string;
  openingBalanceMinor?: bigint;
  closingBalanceMinor?: bigint;
  /** Opening balance plus entries differs from the closing balance (flagged, not refused). */
  balanceMismatch: boolean;
}

/** The `statement:parse` line: keys in a fixed order, amountMinor as an integer string, absent optionals left out. */
export function toJsonLine(tx: StatementTransaction): string {
  return JSON.stringify({
    account: tx.account,
    currency: tx.currency,
    direction: tx.direction,
    amountMinor: tx.amountMinor.toString(),
    bookingDate: tx.bookingDate,
    valueDate: tx.valueDate,
    bankRef: tx.bankRef,
    ref: tx.ref,
    text: tx.text,
    party: tx.party,
    reversal: tx.reversal,
  });
}

export function signedAmount(tx: Pick<StatementTransaction, "direction" | "amountMinor">): bigint {
  return tx.direction === "credit" ? tx.amountMinor : -tx.amountMinor;
}

/** Sums one statement's entries and compares opening + entries with closing when both balances are known. */
export class BalanceCheck {
  private movement = 0n;
  opening?: bigint;
  closing?: bigint;

  add(signedMinor: bigint): void {
    this.movement += signedMinor;
  }

  summary(account: string, currency: string): StatementSummary {
    const known = this.opening !== undefined && this.closing !== undefined;
    return {
      account,
      currency,
      ...(this.opening !== undefined ? { openingBalanceMinor: this.opening } : {}),
      ...(this.closing !== undefined ? { closingBalanceMinor: this.closing } : {}),
      balanceMismatch: known && this.opening! + this.movement !== this.closing,
    };
  }
}
