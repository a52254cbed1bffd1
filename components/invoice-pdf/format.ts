/**
 * A stored exact decimal for print: thousands grouped, trailing zeros dropped down to `minFractionDigits`
 * ("12000.500" → "12,000.5"; "2.5" with 2 → "2.50"). Works on the digits, never through a float.
 */
export function printDecimal(value: string, minFractionDigits = 0): string {
  const negative = value.startsWith("-");
  const [whole = "0", fraction = ""] = (negative ? value.slice(1) : value).split(".");
  const trimmed = fraction.replace(/0+$/, "").padEnd(minFractionDigits, "0");
  const grouped = whole.replace(/^0+(?=\d)/, "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}${grouped}${trimmed ? `.${trimmed}` : ""}`;
}

/** Basis points as a percentage: 3000 → "30%", 3333 → "33.33%". */
export function printShare(bps: number): string {
  return `${printDecimal(`${Math.trunc(bps / 100)}.${String(bps % 100).padStart(2, "0")}`)}%`;
}
