import { type CurrencyCode, minorUnits } from "./currency";

/** An exact amount: an integer count of the currency's minor units (cents, fen, ...). */
export interface Money {
  readonly amountMinor: bigint;
  readonly currency: CurrencyCode;
}

export class CurrencyMismatchError extends Error {
  readonly code = "currency_mismatch";

  constructor(
    readonly expected: CurrencyCode,
    readonly actual: CurrencyCode,
  ) {
    super(`Currency mismatch: expected ${expected}, got ${actual}`);
    this.name = "CurrencyMismatchError";
  }
}

export function money(amountMinor: bigint, currency: CurrencyCode): Money {
  // Guards plain-JS callers: a number here would be a float sneaking into the ledger.
  if (typeof amountMinor !== "bigint") throw new TypeError("amountMinor must be a bigint");
  minorUnits(currency);
  return { amountMinor, currency };
}

export function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency);
}

export function add(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return { amountMinor: a.amountMinor + b.amountMinor, currency: a.currency };
}

export function subtract(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return { amountMinor: a.amountMinor - b.amountMinor, currency: a.currency };
}

export function negate(m: Money): Money {
  return { amountMinor: -m.amountMinor, currency: m.currency };
}

/** Sums items that must all be in `currency`; the empty sum is zero. */
export function sum(currency: CurrencyCode, items: Iterable<Money>): Money {
  let total = money(0n, currency);
  for (const item of items) total = add(total, item);
  return total;
}

export function compare(a: Money, b: Money): -1 | 0 | 1 {
  assertSameCurrency(a, b);
  if (a.amountMinor === b.amountMinor) return 0;
  return a.amountMinor < b.amountMinor ? -1 : 1;
}

export function isZero(m: Money): boolean {
  return m.amountMinor === 0n;
}

export function isNegative(m: Money): boolean {
  return m.amountMinor < 0n;
}

/** Exact plain decimal, e.g. 1250050n USD → "12500.50", -5n USD → "-0.05", 1000n JPY → "1000". */
export function toDecimalString(amountMinor: bigint, currency: CurrencyCode): string {
  const digits = minorUnits(currency);
  const sign = amountMinor < 0n ? "-" : "";
  const abs = (amountMinor < 0n ? -amountMinor : amountMinor).toString();
  if (digits === 0) return sign + abs;
  const padded = abs.padStart(digits + 1, "0");
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

const PLAIN_DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** Inverse of toDecimalString; accepts fewer decimals than the currency has ("12.5"), never more. */
export function fromDecimalString(value: string, currency: CurrencyCode): bigint {
  const digits = minorUnits(currency);
  const match = PLAIN_DECIMAL.exec(value);
  if (!match) throw new SyntaxError(`Not a plain decimal string: "${value}"`);
  const [, sign, whole, fraction = ""] = match;
  if (fraction.length > digits) {
    throw new RangeError(`"${value}" has more than ${digits} decimals for ${currency}`);
  }
  const magnitude = BigInt(whole + fraction.padEnd(digits, "0"));
  return sign ? -magnitude : magnitude;
}
