/** ISO 7064 mod 97-10 over letters and digits (A=10 … Z=35), as for IBANs; input must be upper-case alphanumeric. */
export function mod97(alphanumeric: string): number {
  let remainder = 0;
  for (const ch of alphanumeric) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? code - 55 : code - 48;
    remainder = (value >= 10 ? remainder * 100 + value : remainder * 10 + value) % 97;
  }
  return remainder;
}

const RF_SHAPE = /^RF\d{2}[A-Z0-9]{1,21}$/;
const BODY_SHAPE = /^[A-Z0-9]{1,21}$/;

function compact(s: string): string {
  return s.replace(/\s+/g, "").toUpperCase();
}

/** True for "RF18539007547034" or "rf18 5390 0754 7034": RF, two check digits, 1–21 letters/digits, mod 97 = 1. */
export function isValidRfReference(s: string): boolean {
  const ref = compact(s);
  if (!RF_SHAPE.test(ref)) return false;
  // "RF00", "RF01" and "RF99" cannot come out of computeRfReference.
  const check = Number(ref.slice(2, 4));
  if (check < 2 || check > 98) return false;
  return mod97(ref.slice(4) + ref.slice(0, 4)) === 1;
}

/** "539007547034" → "RF18539007547034". */
export function computeRfReference(body: string): string {
  const clean = compact(body);
  if (!BODY_SHAPE.test(clean)) throw new RangeError(`An RF reference body is 1–21 letters or digits, got "${body}"`);
  const check = 98 - mod97(`${clean}RF00`);
  return `RF${String(check).padStart(2, "0")}${clean}`;
}

/** "RF18539007547034" → "RF18 5390 0754 7034". */
export function formatRfReference(ref: string): string {
  return compact(ref).replace(/(.{4})(?=.)/g, "$1 ");
}

// "RF" + check digits, then runs of letters/digits separated by single spaces (printed groups of four).
const CANDIDATE = /(?<![A-Z0-9])RF\d{2}[A-Z0-9]*(?:[ \u00A0][A-Z0-9]+)*/gi;

/**
 * The first valid RF reference in free text, without spaces, or null. Spaces may split it anywhere, so the runs
 * after "RF" are joined longest first (a following word may have been swallowed), cutting only between runs.
 */
export function findRfReference(text: string): string | null {
  for (const match of text.matchAll(CANDIDATE)) {
    const runs = match[0].split(/[ \u00A0]/);
    // At most 21 characters follow "RFnn", so no more than 22 runs can be part of it.
    for (let count = Math.min(runs.length, 22); count >= 1; count--) {
      const candidate = runs.slice(0, count).join("").toUpperCase();
      if (candidate.length <= 25 && isValidRfReference(candidate)) return candidate;
    }
  }
  return null;
}
