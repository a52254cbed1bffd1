const SUFFIX_WORDS = new Map([
  ["company", "co"],
  ["limited", "ltd"],
  ["corporation", "corp"],
  ["incorporated", "inc"],
]);

/*
 * NFKC folds full-width forms （ＡＢＣ） to half-width (ABC); punctuation and whitespace split
 * words, and the words are joined without spaces, because bank records space Chinese names
 * and English transliterations inconsistently (深圳 某某 vs 深圳某某, Co.,Ltd vs Co Ltd).
 */
function canonicalName(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .split(/[\s\p{P}]+/u)
    .map((word) => SUFFIX_WORDS.get(word) ?? word)
    .join("");
}

/** Whether a bank account's holder name is the company's Chinese or English legal name. */
export function holderMatchesCompany(holder: string, legalNameZh: string, legalNameEn: string): boolean {
  const canonicalHolder = canonicalName(holder);
  if (canonicalHolder === "") return false;
  return canonicalHolder === canonicalName(legalNameZh) || canonicalHolder === canonicalName(legalNameEn);
}
