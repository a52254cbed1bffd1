import { isValidBIC } from "ibantools";
import { compactUpper } from "./compact";

export type BicError = "bic_format" | "bic_country";
export type BicValidation = { ok: true; value: string } | { ok: false; error: BicError };

/** ISO 9362: institution (4 letters), country (2 letters), location (2), optional branch (3). */
const BIC_FORMAT = /^[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/;

export function validateBic(input: string): BicValidation {
  const value = compactUpper(input);
  if (!BIC_FORMAT.test(value)) return { ok: false, error: "bic_format" };
  // With the format already checked, ibantools can refuse only an unknown country: its list
  // is ISO 3166-1 alpha-2 plus XK, which SWIFT uses for Kosovo.
  if (!isValidBIC(value)) return { ok: false, error: "bic_country" };
  return { ok: true, value };
}
