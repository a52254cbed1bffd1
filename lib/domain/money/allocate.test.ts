import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocate, allocatePercentages } from "./allocate";

describe("allocate", () => {
  it.each([
    [100n, [1, 1, 1], [34n, 33n, 33n]],
    [-100n, [1, 1, 1], [-34n, -33n, -33n]],
    [100000n, [30, 70], [30000n, 70000n]],
    [1001n, [30, 70], [300n, 701n]],
    [10n, [1, 2], [3n, 7n]],
    [5n, [1, 1, 1, 1], [2n, 1n, 1n, 1n]],
    [1n, [1, 1], [1n, 0n]],
    [-1n, [1, 1], [-1n, 0n]],
    [100n, [0, 1], [0n, 100n]],
    [0n, [1, 2], [0n, 0n]],
    [10n, [1n, 1n], [5n, 5n]],
    [7n, [2n ** 80n, 1n], [7n, 0n]],
  ])("allocate(%s, %s) → %s", (total, ratios, expected) => {
    expect(allocate(total, ratios)).toEqual(expected);
  });

  it("gives the 30 % deposit and 70 % balance of an invoice", () => {
    expect(allocatePercentages(1234567n, [30, 70])).toEqual([370370n, 864197n]);
  });

  it.each([
    ["no ratios", []],
    ["a zero sum", [0, 0]],
    ["a negative ratio", [-1, 2]],
    ["a negative bigint ratio", [-1n, 2n]],
    ["a fractional ratio", [1.5, 1]],
    ["NaN", [Number.NaN]],
    ["Infinity", [Number.POSITIVE_INFINITY]],
    ["an unsafe integer", [2 ** 53, 1]],
  ])("rejects %s", (_, ratios) => {
    expect(() => allocate(100n, ratios)).toThrow(RangeError);
  });

  const totals = fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n });
  const ratioLists = fc
    .array(fc.oneof(fc.nat({ max: 1000 }), fc.bigInt({ min: 0n, max: 10n ** 15n })), {
      minLength: 1,
      maxLength: 12,
    })
    .filter((ratios) => ratios.some((r) => BigInt(r) > 0n));

  it("property: parts sum to the total, each within one minor unit of its exact share", () => {
    fc.assert(
      fc.property(totals, ratioLists, (total, ratios) => {
        const parts = allocate(total, ratios);
        const weights = ratios.map(BigInt);
        const weightSum = weights.reduce((a, b) => a + b, 0n);
        expect(parts.reduce((a, b) => a + b, 0n)).toBe(total);
        parts.forEach((part, i) => {
          // |part - total × w / sum| < 1, multiplied through by sum
          const gap = part * weightSum - total * weights[i]!;
          expect(gap < weightSum && -gap < weightSum).toBe(true);
        });
      }),
      { numRuns: 500 },
    );
  });

  it("property: a negative total mirrors the positive one", () => {
    fc.assert(
      fc.property(totals, ratioLists, (total, ratios) => {
        expect(allocate(-total, ratios)).toEqual(allocate(total, ratios).map((p) => -p));
      }),
      { numRuns: 300 },
    );
  });
});
