/**
 * A Harmonized System code as printed on trade documents: 6 digits (the international HS subheading) up to 10
 * (national tariff lines, e.g. China's 10-digit codes), written plain ("731815") or with dots ("7318.15.00").
 */
const PRINTED = /^\d{4}(?:\.?\d{2})(?:\.?\d{1,2}){0,2}$/;

export function isValidHsCode(value: string): boolean {
  const text = value.trim();
  if (!PRINTED.test(text)) return false;
  const digits = text.replace(/\./g, "");
  return digits.length >= 6 && digits.length <= 10;
}

/** The code as typed, trimmed; callers check it with isValidHsCode first. */
export function normalizeHsCode(value: string): string {
  return value.trim();
}
