import { compactUpper } from "./compact";

export type UsccError = "uscc_length" | "uscc_charset" | "uscc_check";
export type UsccValidation = { ok: true; value: string } | { ok: false; error: UsccError };

/** GB 32100-2015 code characters in value order 0–30: digits, then letters without I, O, S, V, Z. */
const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const CODE_CHARS = /^[0-9A-HJ-NP-RTUW-Y]*$/;

/** The check character (position 18) for the first 17 characters of a Unified Social Credit Code. */
export function computeUsccCheck(first17: string): string {
  if (first17.length !== 17 || !CODE_CHARS.test(first17)) {
    throw new RangeError(`Expected 17 USCC characters, got "${first17}"`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

/*
 * Only the GB 32100 check character is verified, not the GB 11714 check digit of the
 * organization code at positions 9–17: the former already catches every single wrong
 * character and every swap of neighbours, and codes issued in practice are known not to
 * follow the standards everywhere, so each extra rule risks refusing a real company.
 */
export function validateUscc(input: string): UsccValidation {
  const value = compactUpper(input);
  if (value.length !== 18) return { ok: false, error: "uscc_length" };
  if (!CODE_CHARS.test(value)) return { ok: false, error: "uscc_charset" };
  if (computeUsccCheck(value.slice(0, 17)) !== value[17]) return { ok: false, error: "uscc_check" };
  return { ok: true, value };
}
