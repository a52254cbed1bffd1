import { mod97 } from "./rf-reference";

export function isIban(s: string): boolean {
  return /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s) && mod97(s.slice(4) + s.slice(0, 4)) === 1;
}

/**
 * The account of an MT940 :25: field: "NL91ABNA0417164300", "COBADEFFXXX/0532013000", "37040044/0532013000",
 * or an IBAN with its currency appended ("NL91ABNA0417164300EUR"). An IBAN wins; otherwise the last part.
 */
export function accountFromField25(field: string): string {
  const parts = field.replace(/\s+/g, "").toUpperCase().split("/").filter(Boolean);
  for (const part of parts) {
    if (isIban(part)) return part;
    if (/[A-Z]{3}$/.test(part) && isIban(part.slice(0, -3))) return part.slice(0, -3);
  }
  const plain = parts.filter((part) => !/^[A-Z]{3}$/.test(part));
  return plain.at(-1) ?? field.trim();
}
