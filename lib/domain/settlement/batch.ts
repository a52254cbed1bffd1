import type { FeeLine, FeeType } from "../fees/calculate";
import { type CurrencyCode, isCurrencyCode } from "../money";
import type { IsoDate } from "./calendar-date";

/** The fees a batch statement shows: the fee schedule's, plus the spread-free fee of a conversion's pricing tier. */
export type BatchFeeType = FeeType | "fx_conversion";

export interface BatchFee {
  type: BatchFeeType;
  currency: CurrencyCode;
  basisMinor: bigint | null;
  rate: string | null;
  amountMinor: bigint;
}

/** A collection a batch settles: how it reached available, and its gross in the batch's currency before its fees. */
export interface BatchCollection {
  reference: string;
  source: "bank" | "card";
  clearedOn: IsoDate;
  grossMinor: bigint;
  /** Its collection fees as charged when it became available (collection fee, risk surcharge). */
  fees: readonly FeeLine[];
}

/** The conversion of the settled amount into the payout currency, at the customer rate (mid less the spread). */
export interface BatchConversion {
  /** Converted, in the batch's currency (the fee comes on top). */
  soldMinor: bigint;
  /** The conversion fee of the organization's pricing tier, in the batch's currency; 0 when its tier has none. */
  fee: BatchFee | null;
  /** What arrived, in the payout currency. */
  boughtMinor: bigint;
  rate: string;
  mid: string;
}

export interface BatchInput {
  currency: CurrencyCode;
  payoutCurrency: CurrencyCode;
  collections: readonly BatchCollection[];
  /** What the run takes from the available balance in the batch's currency: the due amount. */
  settledMinor: bigint;
  conversion: BatchConversion | null;
  /** The payout's fees, in the payout currency; null while the batch is held (no payout was made). */
  payoutFees: readonly FeeLine[] | null;
}

/**
 * Signed as they act on the payout: collections +, fees −, the reconciling "other" line either way. Subtotals (gross,
 * settled, net) repeat what the lines above them add up to. The FX line takes `amountMinor` (negative) out of the
 * batch's currency and brings `counterAmountMinor` into the payout currency.
 */
export type StatementLine =
  | { kind: "collection"; reference: string; source: "bank" | "card"; clearedOn: IsoDate; currency: CurrencyCode; amountMinor: bigint; feesMinor: bigint }
  | { kind: "gross"; currency: CurrencyCode; amountMinor: bigint }
  | { kind: "fee"; feeType: BatchFeeType; reference: string | null; basisMinor: bigint | null; rate: string | null; currency: CurrencyCode; amountMinor: bigint }
  | { kind: "other"; currency: CurrencyCode; amountMinor: bigint }
  | { kind: "settled"; currency: CurrencyCode; amountMinor: bigint }
  | { kind: "fx"; currency: CurrencyCode; amountMinor: bigint; counterCurrency: CurrencyCode; counterAmountMinor: bigint; rate: string; mid: string }
  | { kind: "net"; currency: CurrencyCode; amountMinor: bigint };

export interface BatchTotals {
  grossMinor: bigint;
  /** Collection fees and surcharges, as a positive amount, in the batch's currency. */
  collectionFeesMinor: bigint;
  /** The due amount less the listed collections net of their fees: movements of available since (signed). */
  otherMinor: bigint;
  settledMinor: bigint;
  fxFeeMinor: bigint;
  /** What the payout was made of, in the payout currency: the settled amount, or what its conversion bought. */
  payoutAmountMinor: bigint;
  payoutFeesMinor: bigint;
  /** What the bank sends; null while the batch is held. */
  netMinor: bigint | null;
}

export interface BatchStatement {
  currency: CurrencyCode;
  payoutCurrency: CurrencyCode;
  lines: StatementLine[];
  totals: BatchTotals;
  /** Fee totals per type and currency, in the order they first appear, for the statement's summary. */
  feesByType: { feeType: BatchFeeType; currency: CurrencyCode; amountMinor: bigint }[];
}

export type BatchInvariant =
  | "batch_currency_unknown"
  | "payout_currency_not_allowed"
  | "collection_not_positive"
  | "fee_not_positive"
  | "fee_currency_mismatch"
  | "settled_not_positive"
  | "conversion_missing"
  | "conversion_unexpected"
  | "conversion_does_not_match"
  | "net_not_positive"
  | "totals_do_not_add_up"
  | "net_differs_from_ledger";

/** A batch that breaks the arithmetic: a programming or data error, never shown to users as-is. */
export class BatchInvariantError extends Error {
  constructor(
    readonly code: BatchInvariant,
    readonly detail = "",
  ) {
    super(`Settlement batch invariant broken: ${code}${detail ? ` (${detail})` : ""}`);
    this.name = "BatchInvariantError";
  }
}

const sumOf = (amounts: readonly bigint[]) => amounts.reduce((total, amount) => total + amount, 0n);

function checkFee(fee: BatchFee, currency: CurrencyCode): void {
  if (fee.currency !== currency) throw new BatchInvariantError("fee_currency_mismatch", `${fee.type} in ${fee.currency}, expected ${currency}`);
  if (fee.amountMinor <= 0n) throw new BatchInvariantError("fee_not_positive", fee.type);
}

function checkInput(input: BatchInput): void {
  if (!isCurrencyCode(input.currency)) throw new BatchInvariantError("batch_currency_unknown", input.currency);
  // Payouts go to the settlement account in the batch's own currency or, converted, in CNY.
  if (input.payoutCurrency !== input.currency && input.payoutCurrency !== "CNY") throw new BatchInvariantError("payout_currency_not_allowed", input.payoutCurrency);
  if (input.settledMinor <= 0n) throw new BatchInvariantError("settled_not_positive", `${input.settledMinor}`);
  for (const collection of input.collections) {
    if (collection.grossMinor <= 0n) throw new BatchInvariantError("collection_not_positive", collection.reference);
    for (const fee of collection.fees) checkFee(fee, input.currency);
  }
  const converting = input.payoutCurrency !== input.currency;
  if (converting && !input.conversion && input.payoutFees !== null) throw new BatchInvariantError("conversion_missing");
  if (!converting && input.conversion) throw new BatchInvariantError("conversion_unexpected");
  if (input.conversion) {
    const { soldMinor, fee, boughtMinor } = input.conversion;
    if (fee) checkFee(fee, input.currency);
    if (soldMinor <= 0n || boughtMinor <= 0n || soldMinor + (fee?.amountMinor ?? 0n) !== input.settledMinor) {
      throw new BatchInvariantError("conversion_does_not_match", `${soldMinor} + fee ≠ ${input.settledMinor}`);
    }
  }
  for (const fee of input.payoutFees ?? []) checkFee(fee, input.payoutCurrency);
}

const feeLine = (fee: BatchFee, reference: string | null): StatementLine => ({
  kind: "fee",
  feeType: fee.type,
  reference,
  basisMinor: fee.basisMinor,
  rate: fee.rate,
  currency: fee.currency,
  amountMinor: -fee.amountMinor,
});

/**
 * The statement of a settlement batch: each collection, the gross, each collection fee, the reconciling line (the due
 * amount less what the listed collections left in available: conversions, on-demand payouts, reserves… since), the
 * settled amount; then its conversion (FX fee, the FX line with the rate and both amounts), the payout fees and the
 * net. Throws BatchInvariantError unless every step adds up exactly and the net is positive.
 */
export function batchStatementLines(input: BatchInput): BatchStatement {
  checkInput(input);
  const { currency, payoutCurrency, conversion } = input;
  const grossMinor = sumOf(input.collections.map((collection) => collection.grossMinor));
  const collectionFeesMinor = sumOf(input.collections.flatMap((collection) => collection.fees.map((fee) => fee.amountMinor)));
  const otherMinor = input.settledMinor - (grossMinor - collectionFeesMinor);
  const fxFeeMinor = conversion?.fee?.amountMinor ?? 0n;
  const payoutAmountMinor = conversion ? conversion.boughtMinor : input.settledMinor;
  const payoutFeesMinor = sumOf((input.payoutFees ?? []).map((fee) => fee.amountMinor));
  const netMinor = input.payoutFees === null ? null : payoutAmountMinor - payoutFeesMinor;

  const lines: StatementLine[] = [
    ...input.collections.map(
      (c): StatementLine => ({ kind: "collection", reference: c.reference, source: c.source, clearedOn: c.clearedOn, currency, amountMinor: c.grossMinor, feesMinor: sumOf(c.fees.map((fee) => fee.amountMinor)) }),
    ),
    { kind: "gross", currency, amountMinor: grossMinor },
    ...input.collections.flatMap((c) => c.fees.map((fee) => feeLine(fee, c.reference))),
    ...(otherMinor === 0n ? [] : [{ kind: "other", currency, amountMinor: otherMinor } as const]),
    { kind: "settled", currency, amountMinor: input.settledMinor },
  ];
  if (conversion) {
    if (conversion.fee) lines.push(feeLine(conversion.fee, null));
    lines.push({ kind: "fx", currency, amountMinor: -conversion.soldMinor, counterCurrency: payoutCurrency, counterAmountMinor: conversion.boughtMinor, rate: conversion.rate, mid: conversion.mid });
  }
  for (const fee of input.payoutFees ?? []) lines.push(feeLine(fee, null));
  if (netMinor !== null) lines.push({ kind: "net", currency: payoutCurrency, amountMinor: netMinor });

  const feesByType = new Map<string, { feeType: BatchFeeType; currency: CurrencyCode; amountMinor: bigint }>();
  for (const line of lines) {
    if (line.kind !== "fee") continue;
    const key = `${line.feeType}:${line.currency}`;
    const total = feesByType.get(key) ?? { feeType: line.feeType, currency: line.currency, amountMinor: 0n };
    feesByType.set(key, { ...total, amountMinor: total.amountMinor - line.amountMinor });
  }

  const statement: BatchStatement = {
    currency,
    payoutCurrency,
    lines,
    totals: { grossMinor, collectionFeesMinor, otherMinor, settledMinor: input.settledMinor, fxFeeMinor, payoutAmountMinor, payoutFeesMinor, netMinor },
    feesByType: [...feesByType.values()],
  };
  assertBatchBalances(statement);
  return statement;
}

/**
 * Re-adds a statement from its lines, currency by currency: collections = gross; gross − collection fees ± other =
 * settled; settled − FX fee − sold = 0 when converted; what the payout is made of − payout fees = net > 0; and, when
 * given, net equals what the ledger paid out. Throws BatchInvariantError on any difference.
 */
export function assertBatchBalances(statement: BatchStatement, ledgerNetMinor?: bigint): void {
  const { currency, payoutCurrency, lines, totals } = statement;
  const of = <K extends StatementLine["kind"]>(kind: K) => lines.filter((line): line is Extract<StatementLine, { kind: K }> => line.kind === kind);
  const one = (kind: "gross" | "settled") => {
    const found = lines.filter((line) => line.kind === kind);
    if (found.length !== 1) throw new BatchInvariantError("totals_do_not_add_up", `one ${kind} line expected`);
    return found[0]!.amountMinor;
  };
  const fx = of("fx");
  const nets = of("net");
  if (fx.length > 1 || nets.length > 1) throw new BatchInvariantError("totals_do_not_add_up", "at most one FX and one net line expected");
  const fees = of("fee");
  const feesIn = (feeCurrency: CurrencyCode, types: (type: BatchFeeType) => boolean) =>
    -sumOf(fees.filter((fee) => fee.currency === feeCurrency && types(fee.feeType)).map((fee) => fee.amountMinor));
  const isPayoutFee = (type: BatchFeeType) => type === "payout" || type === "expedited_payout";
  const isCollectionFee = (type: BatchFeeType) => !isPayoutFee(type) && type !== "fx_conversion";

  const payoutAmount = fx[0] ? fx[0].counterAmountMinor : totals.settledMinor;
  const checks: [bigint | null, bigint | null, string][] = [
    [sumOf(of("collection").map((line) => line.amountMinor)), totals.grossMinor, "collections ≠ gross"],
    [one("gross"), totals.grossMinor, "gross line ≠ gross total"],
    [feesIn(currency, isCollectionFee), totals.collectionFeesMinor, "collection fee lines ≠ collection fees"],
    [sumOf(of("other").map((line) => line.amountMinor)), totals.otherMinor, "other line ≠ other total"],
    [totals.grossMinor - totals.collectionFeesMinor + totals.otherMinor, totals.settledMinor, "gross − fees ± other ≠ settled"],
    [one("settled"), totals.settledMinor, "settled line ≠ settled total"],
    [feesIn(currency, (type) => type === "fx_conversion"), totals.fxFeeMinor, "FX fee line ≠ FX fee total"],
    [fx[0] ? totals.settledMinor - totals.fxFeeMinor + fx[0].amountMinor : 0n, 0n, "settled − FX fee − converted ≠ 0"],
    [payoutAmount, totals.payoutAmountMinor, "payout amount ≠ settled or converted"],
    [feesIn(payoutCurrency, isPayoutFee), totals.payoutFeesMinor, "payout fee lines ≠ payout fees"],
    [nets[0] ? totals.payoutAmountMinor - totals.payoutFeesMinor : null, totals.netMinor, "payout amount − payout fees ≠ net"],
    [nets[0]?.amountMinor ?? null, totals.netMinor, "net line ≠ net total"],
  ];
  for (const [actual, expected, what] of checks) {
    if (actual !== expected) throw new BatchInvariantError("totals_do_not_add_up", `${what}: ${actual} vs ${expected}`);
  }
  if (fx[0] && (fx[0].currency !== currency || fx[0].counterCurrency !== payoutCurrency)) throw new BatchInvariantError("totals_do_not_add_up", "FX line currencies");
  if (!fx[0] && currency !== payoutCurrency && totals.netMinor !== null) throw new BatchInvariantError("conversion_missing");
  if (totals.netMinor !== null && totals.netMinor <= 0n) throw new BatchInvariantError("net_not_positive", `${totals.netMinor}`);
  if (ledgerNetMinor !== undefined && ledgerNetMinor !== totals.netMinor) {
    throw new BatchInvariantError("net_differs_from_ledger", `${totals.netMinor} vs ${ledgerNetMinor}`);
  }
}
