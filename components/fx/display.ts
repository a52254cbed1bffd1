import { FxDecimal } from "@/lib/domain/fx/decimal";

/** A rate for people: up to 12 significant digits, no trailing zeros (stored and exported rates keep every digit). */
export function displayRate(rate: string): string {
  return new FxDecimal(rate).toSignificantDigits(12).toFixed();
}
