/**
 * The canonical form of an identifier a user typed or pasted. NFKC folds the full-width
 * characters a Chinese input method produces (１２Ａ, U+3000 space) to ASCII; whitespace
 * anywhere is dropped; only ASCII letters are upper-cased, so that no other letter can
 * become an ASCII one on the way (ı → I, ß → SS).
 */
export function compactUpper(input: string): string {
  return input
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/[a-z]+/g, (letters) => letters.toUpperCase());
}
