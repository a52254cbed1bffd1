/** numerator ÷ denominator with one decimal, rounded half-even, exact in integers; both ≥ 0, denominator > 0. */
export function quotientInTenths(numerator: bigint, denominator: bigint): string {
  if (numerator < 0n || denominator <= 0n) throw new RangeError("Needs a numerator ≥ 0 and a denominator > 0");
  const scaled = numerator * 10n;
  let tenths = scaled / denominator;
  const twiceRemainder = (scaled % denominator) * 2n;
  if (twiceRemainder > denominator || (twiceRemainder === denominator && tenths % 2n === 1n)) tenths += 1n;
  return `${tenths / 10n}.${tenths % 10n}`;
}
