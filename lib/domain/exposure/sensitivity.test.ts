import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CNY_MOVES_PERCENT, computeSensitivity, marginBasis, movedRate, parseMarginPercent } from ".";

describe("moved rates", () => {
  it("follows the stated convention: CNY +3 % means each foreign unit buys 3 % fewer yuan", () => {
    expect(movedRate("7.2", 3)).toBe("6.984");
    expect(movedRate("7.2", -3)).toBe("7.416");
    expect(movedRate("7.2", 0)).toBe("7.2");
    expect(movedRate("0.0477323", 5)).toBe("0.045345685");
  });
});

describe("sensitivity of open receivables", () => {
  it("turns a 5 % margin into 2.06 % when the yuan gains 3 % (the case in the issue)", () => {
    const result = computeSensitivity([{ currency: "USD", amountMinor: 100_000_00n, mid: "7.2" }], { kind: "target_margin", bps: 500 });
    const at = (move: number) => result.total.find((outcome) => outcome.movePercent === move)!;
    expect(at(0)).toEqual({ movePercent: 0, proceedsMinor: 720_000_00n, changeMinor: 0n, marginPercent: "5.00" });
    expect(at(3)).toEqual({ movePercent: 3, proceedsMinor: 698_400_00n, changeMinor: -21_600_00n, marginPercent: "2.06" });
    expect(at(-3)).toMatchObject({ proceedsMinor: 741_600_00n, changeMinor: 21_600_00n, marginPercent: "7.77" });
    expect(at(5)).toMatchObject({ marginPercent: "0.00" });
    expect(result.costCnyMinor).toBe(684_000_00n);
  });

  it("measures margins against a CNY cost base when one is given", () => {
    const result = computeSensitivity(
      [
        { currency: "USD", amountMinor: 50_000_00n, mid: "7.2" },
        { currency: "EUR", amountMinor: 20_000_00n, mid: "8" },
      ],
      { kind: "cost_base", costCnyMinor: 450_000_00n },
    );
    // today: 360,000 + 160,000 = 520,000 CNY; cost 450,000 → 13.46 %
    expect(result.total.map((o) => [o.movePercent, o.proceedsMinor, o.marginPercent])).toEqual([
      [-5, 546_000_00n, "17.58"],
      [-3, 535_600_00n, "15.98"],
      [-1, 525_200_00n, "14.32"],
      [0, 520_000_00n, "13.46"],
      [1, 514_800_00n, "12.59"],
      [3, 504_400_00n, "10.79"],
      [5, 494_000_00n, "8.91"],
    ]);
    expect(result.currencies.map((row) => [row.currency, row.outcomes.find((o) => o.movePercent === 5)!.changeMinor])).toEqual([
      ["USD", -18_000_00n],
      ["EUR", -8_000_00n],
    ]);
  });

  it("rounds each currency's proceeds half-even to the fen, JPY included, and totals the rounded amounts", () => {
    // 5 yen × 0.047 × 0.99 = 0.23265 CNY → 23 fen; 1 USD cent × 7.25 × 1.01 = 7.3225 fen → 7
    const result = computeSensitivity(
      [
        { currency: "JPY", amountMinor: 5n, mid: "0.047" },
        { currency: "USD", amountMinor: 1n, mid: "7.25" },
      ],
      null,
    );
    const jpy = result.currencies[0]!.outcomes;
    expect(jpy.find((o) => o.movePercent === 1)!.proceedsMinor).toBe(23n);
    expect(jpy.find((o) => o.movePercent === 0)!.proceedsMinor).toBe(24n);
    expect(result.total.find((o) => o.movePercent === -1)!.proceedsMinor).toBe(24n + 7n);
    expect(result.total.every((o) => o.marginPercent === null)).toBe(true);
    expect(result.costCnyMinor).toBeNull();
  });

  it("has no margin without proceeds", () => {
    const result = computeSensitivity([], { kind: "target_margin", bps: 500 });
    expect(result.total.map((o) => [o.proceedsMinor, o.marginPercent])).toEqual(CNY_MOVES_PERCENT.map(() => [0n, null]));
  });

  it("never gives more yuan when the yuan is stronger, and the total is the sum of the currencies", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ currency: fc.constantFrom("USD", "EUR", "JPY", "KWD"), amountMinor: fc.bigInt({ min: 1n, max: 10n ** 13n }), mid: fc.constantFrom("7.10837651122625216", "8.2315", "0.0477323", "23.1") }), { maxLength: 4 }),
        fc.integer({ min: -9_999, max: 9_999 }),
        (receivables, bps) => {
          const result = computeSensitivity(receivables, { kind: "target_margin", bps });
          for (let i = 1; i < result.total.length; i++) expect(result.total[i]!.proceedsMinor <= result.total[i - 1]!.proceedsMinor).toBe(true);
          result.total.forEach((outcome, i) => expect(outcome.proceedsMinor).toBe(result.currencies.reduce((sum, row) => sum + row.outcomes[i]!.proceedsMinor, 0n)));
          const today = result.total.find((o) => o.movePercent === 0)!;
          expect(today.changeMinor).toBe(0n);
          if (today.proceedsMinor > 0n) expect(Math.abs(Number(today.marginPercent) * 100 - bps)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe("margin settings", () => {
  it.each([
    ["5", 500],
    ["5 %", 500],
    ["12.5", 1250],
    ["0.01", 1],
    ["-2.5", -250],
    ["５％", 500],
    ["99.99", 9999],
    ["0", 0],
    ["-0", 0],
  ])("reads %j as %i bps", (text, bps) => {
    expect(parseMarginPercent(text)).toEqual({ ok: true, bps });
  });

  it.each([
    ["150", "out_of_range"],
    ["100", "out_of_range"],
    ["-100", "out_of_range"],
    ["5.125", "too_precise"],
    ["", "invalid"],
    ["five", "invalid"],
    ["5,5", "invalid"],
    ["1e2", "invalid"],
  ])("refuses %j (%s)", (text, error) => {
    expect(parseMarginPercent(text)).toEqual({ ok: false, error });
  });

  it("measures against the cost base when both are stored, else the target margin, else nothing", () => {
    expect(marginBasis({ targetMarginBps: 500, costBaseCnyMinor: 10n })).toEqual({ kind: "cost_base", costCnyMinor: 10n });
    expect(marginBasis({ targetMarginBps: 500, costBaseCnyMinor: null })).toEqual({ kind: "target_margin", bps: 500 });
    expect(marginBasis({ targetMarginBps: null, costBaseCnyMinor: null })).toBeNull();
    expect(marginBasis(undefined)).toBeNull();
  });
});
