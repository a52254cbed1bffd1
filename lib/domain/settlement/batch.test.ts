import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { collectionFee, payoutFees } from "../fees/calculate";
import { STANDARD_FEE_SCHEDULE } from "../fees/schedule";
import { assertBatchBalances, type BatchCollection, type BatchInput, BatchInvariantError, batchStatementLines } from "./batch";

const feesFor = (amountMinor: bigint, currency = "USD") =>
  collectionFee(STANDARD_FEE_SCHEDULE, { amountMinor, currency, monthVolumeCnyMinor: 0n, riskLevel: "standard", country: "US" });
const collection = (reference: string, grossMinor: bigint, currency = "USD"): BatchCollection => ({
  reference,
  source: "bank",
  clearedOn: "2026-11-25",
  grossMinor,
  fees: feesFor(grossMinor, currency),
});
const netOf = (collections: readonly BatchCollection[]) =>
  collections.reduce((total, c) => total + c.grossMinor - c.fees.reduce((sum, fee) => sum + fee.amountMinor, 0n), 0n);

describe("batchStatementLines", () => {
  const collections = [collection("INV-2026-0042 · BR-1", 100_000n), collection("INV-2026-0043 · BR-2", 250_050n)];
  const input: BatchInput = {
    currency: "USD",
    payoutCurrency: "USD",
    collections,
    settledMinor: netOf(collections),
    conversion: null,
    payoutFees: payoutFees(STANDARD_FEE_SCHEDULE, { amountMinor: netOf(collections), currency: "USD", expedited: false }),
  };

  it("shows each collection, the gross, each fee, what was settled and the net", () => {
    const statement = batchStatementLines(input);
    expect(statement.lines).toEqual([
      { kind: "collection", reference: "INV-2026-0042 · BR-1", source: "bank", clearedOn: "2026-11-25", currency: "USD", amountMinor: 100_000n, feesMinor: 600n },
      { kind: "collection", reference: "INV-2026-0043 · BR-2", source: "bank", clearedOn: "2026-11-25", currency: "USD", amountMinor: 250_050n, feesMinor: 1_500n },
      { kind: "gross", currency: "USD", amountMinor: 350_050n },
      { kind: "fee", feeType: "collection", reference: "INV-2026-0042 · BR-1", basisMinor: 100_000n, rate: "0.006", currency: "USD", amountMinor: -600n },
      { kind: "fee", feeType: "collection", reference: "INV-2026-0043 · BR-2", basisMinor: 250_050n, rate: "0.006", currency: "USD", amountMinor: -1_500n }, // 1500.3 cents
      { kind: "settled", currency: "USD", amountMinor: 347_950n },
      { kind: "fee", feeType: "payout", reference: null, basisMinor: null, rate: null, currency: "USD", amountMinor: -100n },
      { kind: "net", currency: "USD", amountMinor: 347_850n },
    ]);
    expect(statement.totals).toEqual({
      grossMinor: 350_050n,
      collectionFeesMinor: 2_100n,
      otherMinor: 0n,
      settledMinor: 347_950n,
      fxFeeMinor: 0n,
      payoutAmountMinor: 347_950n,
      payoutFeesMinor: 100n,
      netMinor: 347_850n,
    });
    expect(statement.feesByType).toEqual([
      { feeType: "collection", currency: "USD", amountMinor: 2_100n },
      { feeType: "payout", currency: "USD", amountMinor: 100n },
    ]);
  });

  it("shows what the due amount differs by from the listed collections as its own line, either way", () => {
    const less = batchStatementLines({ ...input, settledMinor: 300_000n, payoutFees: [] });
    expect(less.lines).toContainEqual({ kind: "other", currency: "USD", amountMinor: -47_950n });
    expect(less.totals).toMatchObject({ otherMinor: -47_950n, settledMinor: 300_000n, netMinor: 300_000n });
    const onlyOther = batchStatementLines({ ...input, collections: [], settledMinor: 5_000n, payoutFees: [] });
    expect(onlyOther.lines.map((line) => line.kind)).toEqual(["gross", "other", "settled", "net"]);
  });

  it("converts the settled amount for a CNY payout: FX fee, the FX line with the rate and both amounts, then the payout fees in CNY", () => {
    const converted: BatchInput = {
      ...input,
      payoutCurrency: "CNY",
      conversion: { soldMinor: 346_950n, fee: { type: "fx_conversion", currency: "USD", basisMinor: 346_950n, rate: "0.002", amountMinor: 1_000n }, boughtMinor: 2_485_884n, rate: "7.164", mid: "7.2" },
      payoutFees: payoutFees(STANDARD_FEE_SCHEDULE, { amountMinor: 2_485_884n, currency: "CNY", expedited: false }),
    };
    const statement = batchStatementLines(converted);
    expect(statement.lines.slice(-4)).toEqual([
      { kind: "fee", feeType: "fx_conversion", reference: null, basisMinor: 346_950n, rate: "0.002", currency: "USD", amountMinor: -1_000n },
      { kind: "fx", currency: "USD", amountMinor: -346_950n, counterCurrency: "CNY", counterAmountMinor: 2_485_884n, rate: "7.164", mid: "7.2" },
      { kind: "fee", feeType: "payout", reference: null, basisMinor: null, rate: null, currency: "CNY", amountMinor: -500n },
      { kind: "net", currency: "CNY", amountMinor: 2_485_384n },
    ]);
    expect(statement.totals).toMatchObject({ settledMinor: 347_950n, fxFeeMinor: 1_000n, payoutAmountMinor: 2_485_884n, payoutFeesMinor: 500n, netMinor: 2_485_384n });
  });

  it("states a held batch up to what it would settle, without a net", () => {
    const held = batchStatementLines({ ...input, payoutCurrency: "CNY", payoutFees: null });
    expect(held.lines.at(-1)).toEqual({ kind: "settled", currency: "USD", amountMinor: 347_950n });
    expect(held.totals.netMinor).toBeNull();
  });

  it.each<[Partial<BatchInput>, string]>([
    [{ currency: "XYZ", payoutCurrency: "XYZ" }, "batch_currency_unknown"],
    [{ payoutCurrency: "EUR" }, "payout_currency_not_allowed"],
    [{ settledMinor: 0n }, "settled_not_positive"],
    [{ collections: [{ ...collection("A", 1n), grossMinor: 0n, fees: [] }] }, "collection_not_positive"],
    [{ collections: [{ ...collection("A", 100_000n), fees: feesFor(100_000n, "EUR") }] }, "fee_currency_mismatch"],
    [{ payoutFees: [{ type: "payout", currency: "USD", basisMinor: null, rate: null, amountMinor: 0n }] }, "fee_not_positive"],
    [{ payoutCurrency: "CNY" }, "conversion_missing"],
    [{ conversion: { soldMinor: 1n, fee: null, boughtMinor: 7n, rate: "7", mid: "7" } }, "conversion_unexpected"],
    [{ payoutCurrency: "CNY", conversion: { soldMinor: 1n, fee: null, boughtMinor: 7n, rate: "7", mid: "7" }, payoutFees: [] }, "conversion_does_not_match"],
    [{ payoutFees: [{ type: "payout", currency: "USD", basisMinor: null, rate: null, amountMinor: 347_950n }] }, "net_not_positive"],
  ])("refuses %o with %s", (change, code) => {
    expect(() => batchStatementLines({ ...input, ...change })).toThrow(expect.objectContaining({ code }));
  });

  it("catches a statement whose lines no longer add up, or whose net is not the ledger's", () => {
    const statement = batchStatementLines(input);
    expect(() => assertBatchBalances(statement, 347_850n)).not.toThrow();
    expect(() => assertBatchBalances(statement, 347_851n)).toThrow(expect.objectContaining({ code: "net_differs_from_ledger" }));
    const tampered = { ...statement, totals: { ...statement.totals, netMinor: 347_851n } };
    expect(() => assertBatchBalances(tampered)).toThrow(BatchInvariantError);
    const droppedFee = { ...statement, lines: statement.lines.filter((line) => line.kind !== "fee" || line.feeType !== "collection") };
    expect(() => assertBatchBalances(droppedFee)).toThrow(/collection fee lines/);
    const droppedOther = batchStatementLines({ ...input, settledMinor: 300_000n });
    expect(() => assertBatchBalances({ ...droppedOther, lines: droppedOther.lines.filter((line) => line.kind !== "other") })).toThrow(/other/);
  });

  it("always balances to the cent, in each currency", () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 1n, max: 10n ** 12n }), { maxLength: 20 }),
        fc.bigInt({ min: 1n, max: 10n ** 13n }),
        fc.option(fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 6n }), fc.bigInt({ min: 1n, max: 10n ** 14n })), { nil: null }),
        (amounts, settledMinor, conversion) => {
          const listed = amounts.map((amount, i) => collection(`C${i}`, amount));
          const fxFee = conversion && conversion[0] < settledMinor ? conversion[0] : 0n;
          const batch: BatchInput = {
            currency: "USD",
            payoutCurrency: conversion ? "CNY" : "USD",
            collections: listed,
            settledMinor,
            conversion: conversion
              ? { soldMinor: settledMinor - fxFee, fee: fxFee > 0n ? { type: "fx_conversion", currency: "USD", basisMinor: settledMinor - fxFee, rate: "0.001", amountMinor: fxFee } : null, boughtMinor: conversion[1], rate: "7", mid: "7.1" }
              : null,
            payoutFees: [{ type: "payout", currency: conversion ? "CNY" : "USD", basisMinor: null, rate: null, amountMinor: 100n }],
          };
          const payoutAmount = conversion ? conversion[1] : settledMinor;
          if (payoutAmount <= 100n || (conversion && settledMinor - fxFee <= 0n)) {
            expect(() => batchStatementLines(batch)).toThrow(BatchInvariantError);
            return;
          }
          const statement = batchStatementLines(batch);
          const subtotal = (line: { kind: string }) => line.kind === "gross" || line.kind === "settled" || line.kind === "net";
          const inBatchCurrency = statement.lines.filter((line) => !subtotal(line) && line.currency === "USD").reduce((a, line) => a + line.amountMinor, 0n);
          expect(inBatchCurrency).toBe(conversion ? 0n : statement.totals.netMinor);
          expect(statement.totals.otherMinor).toBe(settledMinor - netOf(listed));
          expect(statement.totals.netMinor).toBe(payoutAmount - 100n);
        },
      ),
    );
  });
});
