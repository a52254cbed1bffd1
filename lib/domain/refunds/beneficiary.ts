import { validateBic } from "../kyb/bic";
import { compactUpper } from "../kyb/compact";
import { validateIban } from "../kyb/iban";

export interface BeneficiaryInput {
  name: string;
  account: string;
  bank: string;
}

export interface Beneficiary {
  name: string;
  /** An IBAN in electronic form, or an account number without spaces or hyphens. */
  account: string;
  accountKind: "iban" | "account_number";
  /** A BIC, or the bank's name as typed. */
  bank: string;
  bankKind: "bic" | "name";
}

export type BeneficiaryField = "beneficiaryName" | "beneficiaryAccount" | "beneficiaryBank";
export type BeneficiaryErrorCode = "required" | "too_long" | "iban_format" | "iban_check" | "account_format" | "bic_format" | "bic_country";
export interface BeneficiaryIssue {
  field: BeneficiaryField;
  code: BeneficiaryErrorCode;
}

/** SWIFT's limit for a name or a free-text line of a transfer. */
export const MAX_TEXT_LENGTH = 140;

/** Two letters then two check digits: how every IBAN starts, and no domestic account number does. */
function looksLikeIban(compact: string): boolean {
  return /^[A-Z]{2}\d{2}/.test(compact);
}

/** A single word of 8 or 11 letters and digits: what a BIC looks like (a bank's name has spaces or another length). */
function looksLikeBic(text: string): boolean {
  return /^[A-Za-z0-9]{8}$|^[A-Za-z0-9]{11}$/.test(text);
}

/**
 * Who a refund is sent to. The account is an IBAN when it looks like one (then its layout and check digits must be
 * right) and otherwise an account number of 4 to 34 letters and digits with at least one digit; the bank is a BIC
 * when it looks like one (then it must be a valid BIC) and otherwise the bank's name.
 */
export function validateBeneficiary(input: BeneficiaryInput): { ok: true; value: Beneficiary } | { ok: false; issues: BeneficiaryIssue[] } {
  const issues: BeneficiaryIssue[] = [];
  const name = input.name.trim().replace(/\s+/g, " ");
  if (!name) issues.push({ field: "beneficiaryName", code: "required" });
  else if (name.length > MAX_TEXT_LENGTH) issues.push({ field: "beneficiaryName", code: "too_long" });

  let account = compactUpper(input.account).replace(/-/g, "");
  let accountKind: Beneficiary["accountKind"] = "account_number";
  if (!account) issues.push({ field: "beneficiaryAccount", code: "required" });
  else if (looksLikeIban(account)) {
    const iban = validateIban(account);
    if (iban.ok) {
      account = iban.value;
      accountKind = "iban";
    } else issues.push({ field: "beneficiaryAccount", code: iban.error });
  } else if (!/^[A-Z0-9]{4,34}$/.test(account) || !/\d/.test(account)) {
    issues.push({ field: "beneficiaryAccount", code: "account_format" });
  }

  let bank = input.bank.trim().replace(/\s+/g, " ");
  let bankKind: Beneficiary["bankKind"] = "name";
  if (!bank) issues.push({ field: "beneficiaryBank", code: "required" });
  else if (bank.length > MAX_TEXT_LENGTH) issues.push({ field: "beneficiaryBank", code: "too_long" });
  else if (looksLikeBic(bank)) {
    const bic = validateBic(bank);
    if (bic.ok) {
      bank = bic.value;
      bankKind = "bic";
    } else issues.push({ field: "beneficiaryBank", code: bic.error });
  }

  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { name, account, accountKind, bank, bankKind } };
}
