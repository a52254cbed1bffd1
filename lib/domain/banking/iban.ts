/** Letters to numbers as ISO 13616 reads them: A = 10 … Z = 35; digits stay. */
function numeric(text: string): string {
  let out = "";
  for (const char of text) out += /[A-Z]/.test(char) ? String(char.charCodeAt(0) - 55) : char;
  return out;
}

/** The remainder of a long decimal string divided by 97, taken seven digits at a time. */
function mod97(digits: string): number {
  let remainder = 0;
  for (let i = 0; i < digits.length; i += 7) remainder = Number(String(remainder) + digits.slice(i, i + 7)) % 97;
  return remainder;
}

/**
 * ISO 13616: the check digits that make (BBAN + country + check digits) mod 97 = 1, with letters as numbers.
 * `bban` is upper-case letters and digits.
 */
export function ibanCheckDigits(country: string, bban: string): string {
  if (!/^[A-Z]{2}$/.test(country) || !/^[A-Z0-9]+$/.test(bban)) throw new RangeError(`Not an IBAN country and BBAN: ${country} ${bban}`);
  return String(98 - mod97(numeric(bban + country + "00"))).padStart(2, "0");
}

/** The IBAN in electronic format (no spaces). */
export function composeIban(country: string, bban: string): string {
  return country + ibanCheckDigits(country, bban) + bban;
}

/** Whether an electronic-format IBAN passes the mod-97 check (layout is checked by lib/domain/kyb validateIban). */
export function ibanChecksumValid(iban: string): boolean {
  return /^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban) && mod97(numeric(iban.slice(4) + iban.slice(0, 4))) === 1;
}
