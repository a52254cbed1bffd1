import { countrySpecs, validateIBAN, ValidationErrorsIBAN } from "ibantools";
import { compactUpper } from "./compact";

export type IbanError = "iban_format" | "iban_check";
export type IbanValidation = { ok: true; value: string; country: string } | { ok: false; error: IbanError };

const FORMAT_ERRORS: readonly ValidationErrorsIBAN[] = [
  ValidationErrorsIBAN.NoIBANCountry,
  ValidationErrorsIBAN.WrongBBANLength,
  ValidationErrorsIBAN.WrongBBANFormat,
  ValidationErrorsIBAN.ChecksumNotNumber,
];

/**
 * Whether the country is in the SWIFT IBAN registry. ibantools also knows the unofficial IBAN
 * layouts of some countries outside it (e.g. DZ, MA); those are not treated as IBAN countries.
 */
export function countryUsesIban(countryCode: string): boolean {
  return countrySpecs[countryCode.toUpperCase()]?.IBANRegistry === true;
}

/** The electronic format: no spaces or hyphens, upper-case. */
function electronicFormat(input: string): string {
  return compactUpper(input).replace(/-/g, "");
}

/**
 * ISO 13616: the country's length and BBAN layout, mod-97 = 1, and the national check digits
 * where ibantools knows them.
 */
export function validateIban(input: string): IbanValidation {
  const value = electronicFormat(input);
  const country = value.slice(0, 2);
  if (!/^[A-Z0-9]+$/.test(value) || !countryUsesIban(country)) return { ok: false, error: "iban_format" };
  const { valid, errorCodes } = validateIBAN(value);
  if (valid) return { ok: true, value, country };
  // ibantools also reports a wrong checksum whenever the layout is wrong, so the layout decides first.
  const formatWrong = errorCodes.some((code) => FORMAT_ERRORS.includes(code));
  return { ok: false, error: formatWrong ? "iban_format" : "iban_check" };
}

/** The paper format: groups of four separated by spaces, e.g. `DE89 3704 0044 0532 0130 00`. */
export function formatIban(value: string): string {
  return electronicFormat(value).replace(/(.{4})(?!$)/g, "$1 ");
}
