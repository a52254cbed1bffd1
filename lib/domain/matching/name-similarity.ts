/** How alike a payer's name on a bank statement is to a buyer's name, from 0 to 1. */

// Legal forms and filler words carry no identity: "ACME TOOLS GMBH" is "Acme Tools".
const NOISE = new Set([
  "ab", "ag", "and", "as", "bv", "co", "company", "corp", "corporation", "gmbh", "inc", "incorporated", "kg", "limited",
  "llc", "ltd", "nv", "of", "oy", "plc", "pte", "pty", "sa", "sarl", "sas", "spa", "srl", "the",
]);

export function nameTokens(name: string): string[] {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .split(" ")
    .filter((token) => token && !NOISE.has(token));
}

function dice<T>(a: readonly T[], b: readonly T[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const counts = new Map<T, number>();
  for (const item of a) counts.set(item, (counts.get(item) ?? 0) + 1);
  let shared = 0;
  for (const item of b) {
    const left = counts.get(item) ?? 0;
    if (left > 0) {
      shared += 1;
      counts.set(item, left - 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}

function trigrams(tokens: readonly string[]): string[] {
  const grams: string[] = [];
  for (const token of tokens) {
    const padded = `  ${token} `;
    for (let i = 0; i + 3 <= padded.length; i++) grams.push(padded.slice(i, i + 3));
  }
  return grams;
}

/**
 * The better of two Dice coefficients over the meaningful words: of whole words (an address appended by the bank
 * costs little) and of letter trigrams (typos and truncation cost little). Symmetric; 1 for the same name.
 */
export function nameSimilarity(a: string, b: string): number {
  const left = nameTokens(a);
  const right = nameTokens(b);
  return Math.max(dice(left, right), dice(trigrams(left), trigrams(right)));
}
