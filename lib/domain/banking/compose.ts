import { composeAbaRouting } from "./aba";
import { composeIban } from "./iban";
import { CURRENCY_SCHEME, type CollectionCurrency, type ReceivingDetails, type ReceivingScheme } from "./schemes";

/**
 * The branch of the issuing bank that holds an organization's account in one currency. `bankCode` is the
 * German BLZ, the UK's four-letter bank code, the first eight digits of a US routing number, the Japanese /
 * Hong Kong / Singapore bank code, the Australian BSB, the Canadian institution number or the CNAPS code;
 * `branchCode` the UK sort code, the Japanese / Hong Kong / Singapore branch code or the Canadian transit number.
 */
export interface IssuingBranch {
  bic: string;
  bankCode: string;
  branchCode?: string;
}

/** How many digits the account numbers issued in each currency have. */
export const ACCOUNT_NUMBER_DIGITS: Readonly<Record<CollectionCurrency, number>> = {
  USD: 12,
  EUR: 10,
  GBP: 8,
  JPY: 7,
  AUD: 9,
  CAD: 12,
  HKD: 9,
  SGD: 10,
  CNY: 16,
};

/** An account number of `length` digits from a number (leading digit 1–9, so it never loses a digit in a spreadsheet). */
export function accountNumberFromSeed(seed: bigint, length: number): string {
  if (length < 2) throw new RangeError("account numbers have at least two digits");
  const rest = 10n ** BigInt(length - 1);
  const value = seed < 0n ? -seed : seed;
  return String(1n + ((value / rest) % 9n)) + String(value % rest).padStart(length - 1, "0");
}

export interface ComposedAccount {
  scheme: ReceivingScheme;
  /** What statements name the account by: the IBAN, else the account number. */
  accountIdentifier: string;
  details: ReceivingDetails;
}

function requireBranch(branch: IssuingBranch, currency: CollectionCurrency): string {
  if (!branch.branchCode) throw new RangeError(`${currency} accounts need a branch code`);
  return branch.branchCode;
}

/** The receiving details of an account number at a branch, with the check digits its scheme has (IBAN, ABA). */
export function composeReceivingDetails(currency: CollectionCurrency, branch: IssuingBranch, accountNumber: string): ComposedAccount {
  const scheme = CURRENCY_SCHEME[currency];
  const bic = branch.bic;
  const local = (details: ReceivingDetails): ComposedAccount => ({ scheme, accountIdentifier: accountNumber, details: { ...details, accountNumber, bic } });
  switch (currency) {
    case "EUR": {
      const iban = composeIban("DE", branch.bankCode + accountNumber);
      return { scheme, accountIdentifier: iban, details: { iban, bic, bankCode: branch.bankCode, accountNumber } };
    }
    case "GBP": {
      const sortCode = requireBranch(branch, currency);
      const iban = composeIban("GB", branch.bankCode + sortCode + accountNumber);
      return { scheme, accountIdentifier: iban, details: { iban, bic, sortCode, accountNumber } };
    }
    case "USD":
      return local({ routingNumber: composeAbaRouting(branch.bankCode) });
    case "JPY":
      return local({ bankCode: branch.bankCode, branchCode: requireBranch(branch, currency), accountType: "futsu" });
    case "AUD":
      return local({ bsb: branch.bankCode });
    case "CAD":
      return local({ institutionNumber: branch.bankCode, transitNumber: requireBranch(branch, currency) });
    case "HKD":
    case "SGD":
      return local({ bankCode: branch.bankCode, branchCode: requireBranch(branch, currency) });
    case "CNY":
      return local({ cnapsCode: branch.bankCode });
  }
}
