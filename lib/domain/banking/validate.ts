import { validateBic, validateCnaps, validateIban } from "@/lib/domain/kyb";
import { validateAbaRouting } from "./aba";
import { ibanChecksumValid } from "./iban";
import { IBAN_NATIONAL_FIELDS, SCHEME_FIELDS, type DetailField, type ReceivingDetails, type ReceivingScheme } from "./schemes";

export type DetailError = "missing" | "format" | "check" | "mismatch";
export interface DetailProblem {
  field: DetailField;
  error: DetailError;
}

export const JAPANESE_ACCOUNT_TYPES = ["futsu", "toza"] as const;

const digits = (min: number, max = min) => new RegExp(`^\\d{${min},${max}}$`);

/** Layouts of the local fields (none of these carries a check digit of its own). */
const FORMATS: Partial<Record<ReceivingScheme, Partial<Record<DetailField, RegExp>>>> = {
  us_ach: { accountNumber: digits(4, 17) },
  jp_zengin: { bankCode: digits(4), branchCode: digits(3), accountNumber: digits(7), accountType: new RegExp(`^(${JAPANESE_ACCOUNT_TYPES.join("|")})$`) },
  au_bsb: { bsb: digits(6), accountNumber: digits(6, 9) },
  ca_eft: { institutionNumber: digits(3), transitNumber: digits(5), accountNumber: digits(7, 12) },
  hk_local: { bankCode: digits(3), branchCode: digits(3), accountNumber: digits(6, 12) },
  sg_local: { bankCode: digits(4), branchCode: digits(3), accountNumber: digits(6, 14) },
  cn_cnaps: { accountNumber: digits(8, 30) },
};

/** Where the national parts sit inside the IBAN (0-based, end exclusive). */
const IBAN_NATIONAL_SLICES: Readonly<Record<string, Partial<Record<DetailField, [number, number]>>>> = {
  GB: { sortCode: [8, 14], accountNumber: [14, 22] },
  DE: { bankCode: [4, 12], accountNumber: [12, 22] },
};

function checkIban(details: ReceivingDetails, problems: DetailProblem[]): void {
  const iban = details.iban!;
  const validation = validateIban(iban);
  if (!validation.ok || validation.value !== iban) {
    problems.push({ field: "iban", error: validation.ok || validation.error === "iban_format" ? "format" : "check" });
    return;
  }
  if (!ibanChecksumValid(iban)) problems.push({ field: "iban", error: "check" });
  const slices = IBAN_NATIONAL_SLICES[validation.country] ?? {};
  for (const field of IBAN_NATIONAL_FIELDS[validation.country] ?? []) {
    const value = details[field];
    const [from, to] = slices[field]!;
    if (value === undefined) problems.push({ field, error: "missing" });
    else if (value !== iban.slice(from, to)) problems.push({ field, error: "mismatch" });
  }
}

/**
 * Whether receiving details are complete and well-formed for their scheme: IBAN layout and mod-97 (and its
 * national parts agreeing with it), ABA routing checksum, CNAPS and BIC layouts, the local codes' lengths.
 * Values are compared in their stored form (no spaces, upper case).
 */
export function validateReceivingDetails(scheme: ReceivingScheme, details: ReceivingDetails): DetailProblem[] {
  const problems: DetailProblem[] = [];
  for (const field of SCHEME_FIELDS[scheme]) {
    if (!details[field]) problems.push({ field, error: "missing" });
  }
  if (problems.length > 0) return problems;
  const bic = validateBic(details.bic!);
  if (!bic.ok || bic.value !== details.bic) problems.push({ field: "bic", error: "format" });
  if (scheme === "iban") checkIban(details, problems);
  if (scheme === "us_ach") {
    const routing = validateAbaRouting(details.routingNumber!);
    if (!routing.ok) problems.push({ field: "routingNumber", error: routing.error });
  }
  if (scheme === "cn_cnaps") {
    const cnaps = validateCnaps(details.cnapsCode!);
    if (!cnaps.ok || cnaps.value !== details.cnapsCode) problems.push({ field: "cnapsCode", error: "format" });
  }
  for (const [field, format] of Object.entries(FORMATS[scheme] ?? {}) as [DetailField, RegExp][]) {
    if (!format.test(details[field]!)) problems.push({ field, error: "format" });
  }
  return problems;
}
