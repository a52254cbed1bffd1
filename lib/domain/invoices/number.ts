const NUMBER = /^INV-(\d{4})-(\d{4,})$/;

/** INV-2026-0001: the year of issue and the organization's counter for that year, at least four digits. */
export function formatInvoiceNumber(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Not a year: ${year}`);
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`Not a sequence number: ${sequence}`);
  return `INV-${year}-${String(sequence).padStart(4, "0")}`;
}

export function parseInvoiceNumber(value: string): { year: number; sequence: number } | null {
  const match = NUMBER.exec(value.trim().toUpperCase());
  if (!match) return null;
  return { year: Number(match[1]), sequence: Number(match[2]) };
}
