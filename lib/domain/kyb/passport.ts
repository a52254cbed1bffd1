import { compactUpper } from "./compact";

export type PassportError = "passport_format";
export type PassportValidation = { ok: true; value: string } | { ok: false; error: PassportError };

/** Any issuing country's passport number: 5–20 letters or digits once spaces are removed. */
export function validatePassportNumber(input: string): PassportValidation {
  const value = compactUpper(input);
  return /^[A-Z0-9]{5,20}$/.test(value) ? { ok: true, value } : { ok: false, error: "passport_format" };
}
