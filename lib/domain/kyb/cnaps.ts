import { compactUpper } from "./compact";

export type CnapsError = "cnaps_format";
export type CnapsValidation = { ok: true; value: string } | { ok: false; error: CnapsError };

/** A CNAPS bank branch code (联行号): exactly 12 digits once spaces are removed. */
export function validateCnaps(input: string): CnapsValidation {
  const value = compactUpper(input);
  return /^\d{12}$/.test(value) ? { ok: true, value } : { ok: false, error: "cnaps_format" };
}
