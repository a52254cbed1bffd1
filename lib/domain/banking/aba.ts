/** Weights of the ABA routing number checksum, repeated over the nine digits. */
const WEIGHTS = [3, 7, 1, 3, 7, 1, 3, 7, 1] as const;

/**
 * The first two digits of a routing number: 00–12 (Federal Reserve districts), 21–32 (thrifts),
 * 61–72 (electronic), 80 (traveller's cheques).
 */
function validPrefix(prefix: number): boolean {
  return prefix <= 12 || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72) || prefix === 80;
}

function weightedSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[i]) * WEIGHTS[i]!;
  return sum;
}

/** The ninth digit that makes 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) a multiple of 10. */
export function abaCheckDigit(firstEight: string): string {
  if (!/^\d{8}$/.test(firstEight)) throw new RangeError(`Not eight digits: ${firstEight}`);
  return String((10 - (weightedSum(firstEight) % 10)) % 10);
}

export function composeAbaRouting(firstEight: string): string {
  return firstEight + abaCheckDigit(firstEight);
}

export type AbaError = "format" | "check";

export function validateAbaRouting(value: string): { ok: true } | { ok: false; error: AbaError } {
  if (!/^\d{9}$/.test(value) || !validPrefix(Number(value.slice(0, 2)))) return { ok: false, error: "format" };
  return weightedSum(value) % 10 === 0 ? { ok: true } : { ok: false, error: "check" };
}
