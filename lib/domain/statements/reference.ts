import { findRfReference, isValidRfReference } from "./rf-reference";

export interface ReferenceSources {
  /** Structured creditor references (camt Strd/CdtrRefInf/Ref, MT940 /CUR/ …). */
  structured?: readonly (string | undefined)[];
  /** Free remittance texts searched for an RF reference. */
  texts?: readonly (string | undefined)[];
  endToEndId?: string;
}

/** The issue's `ref`: a valid RF reference (structured first, then in the text), else the end-to-end id; no spaces. */
export function chooseRef({ structured = [], texts = [], endToEndId }: ReferenceSources): string | undefined {
  for (const candidate of structured) {
    if (candidate && isValidRfReference(candidate)) return candidate.replace(/\s+/g, "").toUpperCase();
  }
  for (const text of texts) {
    const found = text ? findRfReference(text) : null;
    if (found) return found;
  }
  const e2e = endToEndId?.replace(/\s+/g, "");
  return e2e && e2e.toUpperCase() !== "NOTPROVIDED" ? e2e : undefined;
}

/** Trims and collapses whitespace; empty becomes undefined. */
export function cleanText(value: string | undefined): string | undefined {
  const text = value?.replace(/\s+/g, " ").trim();
  return text ? text : undefined;
}
