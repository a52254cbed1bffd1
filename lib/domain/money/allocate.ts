/*
 * Largest-remainder allocation. Each part first gets floor(|total| × ratio / sum of ratios);
 * the minor units left over are handed out one each to the parts with the largest
 * remainders, ties going to the earlier part. A negative total is allocated as its
 * absolute value and every part negated, so allocate(-t, r) = allocate(t, r) negated.
 * The parts always sum to the total and each is within one minor unit of its exact share.
 */

function toRatio(ratio: bigint | number): bigint {
  if (typeof ratio === "number" && !Number.isSafeInteger(ratio)) {
    throw new RangeError(`Ratio must be a safe integer, got ${ratio}`);
  }
  const value = BigInt(ratio);
  if (value < 0n) throw new RangeError(`Ratio must not be negative, got ${ratio}`);
  return value;
}

export function allocate(total: bigint, ratios: readonly (bigint | number)[]): bigint[] {
  const weights = ratios.map(toRatio);
  const weightSum = weights.reduce((acc, w) => acc + w, 0n);
  if (weightSum <= 0n) throw new RangeError("Ratios must have a positive sum");

  const magnitude = total < 0n ? -total : total;
  const parts = weights.map((w) => (magnitude * w) / weightSum);
  let leftover = magnitude - parts.reduce((acc, p) => acc + p, 0n);

  const byRemainder = weights
    .map((w, index) => ({ index, remainder: (magnitude * w) % weightSum }))
    .sort((a, b) =>
      a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
    );
  for (const { index } of byRemainder) {
    if (leftover === 0n) break;
    parts[index]! += 1n;
    leftover -= 1n;
  }

  return total < 0n ? parts.map((p) => -p) : parts;
}

/** Splits by whole percentages, e.g. [30, 70] for deposit and balance; same rule as allocate. */
export const allocatePercentages = allocate;
