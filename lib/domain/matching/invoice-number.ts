/**
 * Invoice numbers as people type them in a transfer's remittance text: "INV-2026-0012", "inv 2026 0012",
 * "INV20260012", "Inv/2026/12". Numbers are compared by a key — prefix, year, sequence without leading zeros —
 * so every such spelling of one number gives the same key.
 */

// A 2–6 letter prefix, a four-digit year, a 1–8 digit sequence; separators (spaces, dashes, dots, slashes…) optional.
const IN_TEXT = /(?<![A-Z0-9])([A-Z]{2,6})[\s._/#:-]*((?:19|20)\d{2})[\s._/-]*(\d{1,8})(?![0-9])/gi;
const WHOLE = /^([A-Z]{2,6})[\s._/#:-]*((?:19|20)\d{2})[\s._/-]*(\d{1,8})$/i;

function key(prefix: string, year: string, sequence: string): string {
  return `${prefix.toUpperCase()}-${year}-${sequence.replace(/^0+(?=\d)/, "")}`;
}

/** The comparison key of a stored invoice number; numbers outside the prefix-year-sequence shape compare by their letters and digits. */
export function invoiceNumberKey(invoiceNumber: string): string {
  const parts = WHOLE.exec(invoiceNumber.trim());
  if (parts) return key(parts[1]!, parts[2]!, parts[3]!);
  return invoiceNumber.replace(/[^A-Za-z0-9]/g, "").toUpperCase();
}

/** The keys of every invoice-number-shaped run in the text, in order of appearance, without repeats. */
export function invoiceNumberKeysIn(text: string): string[] {
  const keys = new Set<string>();
  for (const match of text.matchAll(IN_TEXT)) keys.add(key(match[1]!, match[2]!, match[3]!));
  return [...keys];
}

/**
 * How a key may be stored, for an indexed lookup by exact number: "INV-2026-12" → "INV-2026-0012" (the
 * sequence's usual four digits) and "INV-2026-12".
 */
export function storedSpellings(numberKey: string): string[] {
  const parts = /^([A-Z]+)-(\d{4})-(\d+)$/.exec(numberKey);
  if (!parts) return [numberKey];
  const [, prefix, year, sequence] = parts;
  return [...new Set([`${prefix}-${year}-${sequence!.padStart(4, "0")}`, numberKey])];
}
