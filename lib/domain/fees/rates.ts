/** numerator / 10^scale as an exact plain decimal string: (60n, 4) → "0.006", (1485n, 6) → "0.001485". */
export function scaledDecimal(numerator: bigint, scale: number): string {
  const sign = numerator < 0n ? "-" : "";
  const digits = (numerator < 0n ? -numerator : numerator).toString().padStart(scale + 1, "0");
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, "");
  return sign + whole + (fraction ? `.${fraction}` : "");
}

/** Basis points as a fraction: 60 → "0.006". */
export function bpsToRate(bps: number): string {
  return scaledDecimal(BigInt(bps), 4);
}

/** `percent` % of `bps` basis points, as a fraction: 30 % of 60 bps → "0.0018". */
export function surchargeRate(baseBps: number, percent: number): string {
  return scaledDecimal(BigInt(baseBps) * BigInt(percent), 6);
}

/** A fraction as a percentage for display: "0.006" → "0.6", "0.0018" → "0.18". */
export function rateAsPercent(rate: string): string {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(rate);
  if (!match) throw new SyntaxError(`Not a rate: "${rate}"`);
  const fraction = match[2] ?? "";
  return scaledDecimal(BigInt(match[1]! + fraction) * 100n, fraction.length);
}
