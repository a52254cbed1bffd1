import { data } from "currency-codes";

/** An ISO 4217 alphabetic code in upper case, e.g. "USD". */
export type CurrencyCode = string;

export class UnknownCurrencyError extends Error {
  readonly code = "unknown_currency";

  constructor(readonly currency: string) {
    super(`Unknown currency code: ${currency}`);
    this.name = "UnknownCurrencyError";
  }
}

// ISO 4217 lists these funds, metals and testing codes with minor units "N.A."; the
// package turns "N.A." into 0, so they are excluded by name (currency.test.ts checks
// this list against the ISO XML shipped with the package).
const NO_MINOR_UNITS = new Set([
  "XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XDR", "XPD", "XPT", "XSU", "XTS", "XUA", "XXX",
]);

interface CurrencyInfo {
  readonly minorUnits: number;
  readonly name: string;
}

const TABLE: ReadonlyMap<CurrencyCode, CurrencyInfo> = new Map(
  data
    .filter((record) => !NO_MINOR_UNITS.has(record.code) && Number.isInteger(record.digits))
    .map((record) => [record.code, { minorUnits: record.digits, name: record.currency }]),
);

export const ALL_CURRENCY_CODES: readonly CurrencyCode[] = Object.freeze([...TABLE.keys()].sort());

export function isCurrencyCode(code: string): boolean {
  return TABLE.has(code);
}

function info(code: string): CurrencyInfo {
  const found = TABLE.get(code);
  if (!found) throw new UnknownCurrencyError(code);
  return found;
}

export function minorUnits(code: string): number {
  return info(code).minorUnits;
}

export function currencyName(code: string): string {
  return info(code).name;
}
