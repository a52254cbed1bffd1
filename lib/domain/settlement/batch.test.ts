import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { collectionFee, payoutFees } from "../fees/calculate";
import { STANDARD_FEE_SCHEDULE } from "../fees/schedule";
import { assertBatchBalances, type BatchInput, BatchInvariantError, batchStatementLines } from "./batch";

const collection = (reference: string, amountMinor: bigint) => ({ reference, clearedOn: "2026-11-25", amountMinor });
const feesFor = (amountMinor: bigint) =>
  collectionFee(STANDARD_FEE_SCHEDULE, { amountMinor, currency: "USD", monthVolumeCnyMinor: 0n, riskLevel: "standard", country: "US" });

describe("batchStatementLines", () => {
  const input: BatchInput = {
    currency: "USD",
    collections: [collection("RF18539007547034", 100_000n), collection("RF71INV20260042", 250_050n)],
    fees: [...feesFor(100_000n), ...feesFor(250_050n), ...payoutFees(STANDARD_FEE_SCHEDULE, { amountMinor: 348_049n, currency: "USD", expedited: false })],
    fx: [],
  };

  it("shows each collection, the gross, each fee and the net", () => {
    const statement = batchStatementLines(input);
    expect(statement.lines).toEqual([
      { kind: "collection", reference: "RF18539007547034", clearedOn: "2026-11-25", amountMinor: 100_000n },
      { kind: "collection", reference: "RF71INV20260042", clearedOn: "2026-11-25", amountMinor: 250_050n },
      { kind: "gross", amountMinor: 350_050n },
      { kind: "fee", feeType: "collection", basisMinor: 100_000n, rate: "0.006", amountMinor: -600n },
      { kind: "fee", feeType: "collection", basisMinor: 250_050n, rate: "0.006", amountMinor: -1_500n }, // 1500.3 cents
      { kind: "fee", feeType: "payout", basisMinor: null, rate: null, amountMinor: -100n },
      { kind: "net", amountMinor: 347_850n },
    ]);
    expect(statement.totals).toEqual({ grossMinor: 350_050n, feesMinor: 2_200n, fxMinor: 0n, netMinor: 347_850n });
    expect(statement.feesByType).toEqual([
      { feeType: "collection", amountMinor: 2_100n },
      { feeType: "payout", amountMinor: 100n },
    ]);
  });

  it("adds money converted in and takes money converted out", () => {
    const cny: BatchInput = {
      currency: "CNY",
      collections: [collection("RF05CNY0001", 1_000_000n)],
      fees: [],
      fx: [
        { reference: "FXQ-1", amountMinor: 7_200_000n, counterCurrency: "USD", counterAmountMinor: -1_000_000n, rate: "7.2" },
        { reference: "FXQ-2", amountMinor: -100_000n, counterCurrency: "EUR", counterAmountMinor: 12_000n, rate: "0.12" },
      ],
    };
    expect(batchStatementLines(cny).totals).toEqual({ grossMinor: 1_000_000n, feesMinor: 0n, fxMinor: 7_100_000n, netMinor: 8_100_000n });
    expect(batchStatementLines({ ...cny, collections: [] }).totals.netMinor).toBe(7_100_000n); // a payout of converted funds only
  });

  it.each<[Partial<BatchInput>, string]>([
    [{ currency: "XYZ" }, "batch_currency_unknown"],
    [{ collections: [], fx: [] }, "batch_empty"],
    [{ collections: [collection("A", 0n)] }, "collection_not_positive"],
    [{ fees: [{ type: "payout", currency: "EUR", basisMinor: null, rate: null, amountMinor: 100n }] }, "fee_currency_mismatch"],
    [{ fees: [{ type: "payout", currency: "USD", basisMinor: null, rate: null, amountMinor: 0n }] }, "fee_not_positive"],
    [{ fx: [{ reference: "FX", amountMinor: 0n, counterCurrency: "CNY", counterAmountMinor: 0n, rate: "7" }] }, "fx_zero"],
    [{ fees: [{ type: "chargeback", currency: "USD", basisMinor: null, rate: null, amountMinor: 350_050n }] }, "net_not_positive"],
  ])("refuses %o with %s", (change, code) => {
    expect(() => batchStatementLines({ ...input, ...change })).toThrow(expect.objectContaining({ code }));
  });

  it("catches a statement whose lines no longer add up, or whose net is not the ledger's", () => {
    const statement = batchStatementLines(input);
    expect(() => assertBatchBalances(statement, 347_850n)).not.toThrow();
    expect(() => assertBatchBalances(statement, 347_851n)).toThrow(expect.objectContaining({ code: "net_differs_from_ledger" }));
    const tampered = { ...statement, totals: { ...statement.totals, netMinor: statement.totals.netMinor + 1n } };
    expect(() => assertBatchBalances(tampered)).toThrow(BatchInvariantError);
    const droppedFee = { ...statement, lines: statement.lines.filter((line) => line.kind !== "fee") };
    expect(() => assertBatchBalances(droppedFee)).toThrow(/fee lines/);
  });

  it("always balances to the cent", () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 1n, max: 10n ** 12n }), { minLength: 1, maxLength: 20 }),
        fc.array(fc.bigInt({ min: -(10n ** 9n), max: 10n ** 12n }).filter((amount) => amount !== 0n), { maxLength: 3 }),
        (amounts, fxAmounts) => {
          const batch: BatchInput = {
            currency: "USD",
            collections: amounts.map((amount, i) => collection(`C${i}`, amount)),
            fees: amounts.flatMap(feesFor),
            fx: fxAmounts.map((amountMinor, i) => ({ reference: `FX${i}`, amountMinor, counterCurrency: "CNY", counterAmountMinor: amountMinor * 7n, rate: "7" })),
          };
          const gross = amounts.reduce((a, b) => a + b, 0n);
          const fees = batch.fees.reduce((a, fee) => a + fee.amountMinor, 0n);
          const fx = fxAmounts.reduce((a, b) => a + b, 0n);
          if (gross - fees + fx <= 0n) {
            expect(() => batchStatementLines(batch)).toThrow(BatchInvariantError);
            return;
          }
          const statement = batchStatementLines(batch);
          expect(statement.lines.filter((line) => line.kind !== "gross" && line.kind !== "net").reduce((a, line) => a + line.amountMinor, 0n)).toBe(statement.totals.netMinor);
          expect(statement.totals.netMinor).toBe(gross - fees + fx);
        },
      ),
    );
  });
});
