import type { FeeLine, FeeType } from "../fees/calculate";
import { type CurrencyCode, isCurrencyCode } from "../money";
import type { IsoDate } from "./calendar-date";

/** A cleared collection a batch settles, in the batch's currency. */
export interface BatchCollection {
  reference: string;
  clearedOn: IsoDate;
  amountMinor: bigint;
}

/**
 * A conversion that moved money into (positive) or out of (negative) the batch's currency,
 * e.g. USD collections converted to CNY before a CNY payout. Only `amountMinor` counts here;
 * the other side is shown for reference.
 */
export interface BatchFx {
  reference: string;
  amountMinor: bigint;
  counterCurrency: CurrencyCode;
  counterAmountMinor: bigint;
  rate: string;
}

export interface BatchInput {
  currency: CurrencyCode;
  collections: readonly BatchCollection[];
  /** Every fee charged to the batch, each as calculated and posted, in the batch's currency. */
  fees: readonly FeeLine[];
  fx: readonly BatchFx[];
}

/** Signed as they act on the payout: collections and gross +, fees −, FX either way, net +. */
export type StatementLine =
  | { kind: "collection"; reference: string; clearedOn: IsoDate; amountMinor: bigint }
  | { kind: "gross"; amountMinor: bigint }
  | { kind: "fee"; feeType: FeeType; basisMinor: bigint | null; rate: string | null; amountMinor: bigint }
  | { kind: "fx"; reference: string; counterCurrency: CurrencyCode; counterAmountMinor: bigint; rate: string; amountMinor: bigint }
  | { kind: "net"; amountMinor: bigint };

export interface BatchTotals {
  grossMinor: bigint;
  /** The sum of the fees, as a positive amount. */
  feesMinor: bigint;
  /** The net effect of conversions, signed. */
  fxMinor: bigint;
  netMinor: bigint;
}

export interface BatchStatement {
  currency: CurrencyCode;
  lines: StatementLine[];
  totals: BatchTotals;
  /** Fee totals per type, in the order types first appear, for the statement's summary. */
  feesByType: { feeType: FeeType; amountMinor: bigint }[];
}

export type BatchInvariant =
  | "batch_currency_unknown"
  | "collection_not_positive"
  | "fee_not_positive"
  | "fee_currency_mismatch"
  | "fx_zero"
  | "batch_empty"
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

function checkInput(input: BatchInput): void {
  if (!isCurrencyCode(input.currency)) throw new BatchInvariantError("batch_currency_unknown", input.currency);
  if (input.collections.length === 0 && input.fx.length === 0) throw new BatchInvariantError("batch_empty");
  for (const collection of input.collections) {
    if (collection.amountMinor <= 0n) throw new BatchInvariantError("collection_not_positive", collection.reference);
  }
  for (const fee of input.fees) {
    if (fee.currency !== input.currency) throw new BatchInvariantError("fee_currency_mismatch", `${fee.type} in ${fee.currency}`);
    if (fee.amountMinor <= 0n) throw new BatchInvariantError("fee_not_positive", fee.type);
  }
  for (const fx of input.fx) if (fx.amountMinor === 0n) throw new BatchInvariantError("fx_zero", fx.reference);
}

/**
 * The lines of a batch statement: each collection, the gross, each fee, each conversion, the net.
 * Throws BatchInvariantError unless gross − fees ± FX = net exactly and the net is positive.
 */
export function batchStatementLines(input: BatchInput): BatchStatement {
  checkInput(input);
  const grossMinor = sumOf(input.collections.map((collection) => collection.amountMinor));
  const feesMinor = sumOf(input.fees.map((fee) => fee.amountMinor));
  const fxMinor = sumOf(input.fx.map((fx) => fx.amountMinor));
  const totals: BatchTotals = { grossMinor, feesMinor, fxMinor, netMinor: grossMinor - feesMinor + fxMinor };

  const lines: StatementLine[] = [
    ...input.collections.map((c): StatementLine => ({ kind: "collection", reference: c.reference, clearedOn: c.clearedOn, amountMinor: c.amountMinor })),
    { kind: "gross", amountMinor: grossMinor },
    ...input.fees.map((fee): StatementLine => ({ kind: "fee", feeType: fee.type, basisMinor: fee.basisMinor, rate: fee.rate, amountMinor: -fee.amountMinor })),
    ...input.fx.map((fx): StatementLine => ({ kind: "fx", reference: fx.reference, counterCurrency: fx.counterCurrency, counterAmountMinor: fx.counterAmountMinor, rate: fx.rate, amountMinor: fx.amountMinor })),
    { kind: "net", amountMinor: totals.netMinor },
  ];

  const feesByType = new Map<FeeType, bigint>();
  for (const fee of input.fees) feesByType.set(fee.type, (feesByType.get(fee.type) ?? 0n) + fee.amountMinor);

  const statement: BatchStatement = {
    currency: input.currency,
    lines,
    totals,
    feesByType: [...feesByType].map(([feeType, amountMinor]) => ({ feeType, amountMinor })),
  };
  assertBatchBalances(statement);
  return statement;
}

/**
 * Re-adds a statement from its lines: collections = gross, gross − fees ± FX = net, net > 0, and,
 * when given, net equals what the ledger paid out. Throws BatchInvariantError on any difference.
 */
export function assertBatchBalances(statement: BatchStatement, ledgerNetMinor?: bigint): void {
  const of = <K extends StatementLine["kind"]>(kind: K) =>
    statement.lines.filter((line): line is Extract<StatementLine, { kind: K }> => line.kind === kind);
  const [gross, net] = [of("gross"), of("net")];
  if (gross.length !== 1 || net.length !== 1) throw new BatchInvariantError("totals_do_not_add_up", "one gross and one net line expected");

  const { grossMinor, feesMinor, fxMinor, netMinor } = statement.totals;
  const checks: [bigint, bigint, string][] = [
    [sumOf(of("collection").map((line) => line.amountMinor)), grossMinor, "collections ≠ gross"],
    [gross[0]!.amountMinor, grossMinor, "gross line ≠ gross total"],
    [-sumOf(of("fee").map((line) => line.amountMinor)), feesMinor, "fee lines ≠ fee total"],
    [sumOf(of("fx").map((line) => line.amountMinor)), fxMinor, "FX lines ≠ FX total"],
    [grossMinor - feesMinor + fxMinor, netMinor, "gross − fees ± FX ≠ net"],
    [net[0]!.amountMinor, netMinor, "net line ≠ net total"],
  ];
  for (const [actual, expected, what] of checks) {
    if (actual !== expected) throw new BatchInvariantError("totals_do_not_add_up", `${what}: ${actual} vs ${expected}`);
  }
  if (netMinor <= 0n) throw new BatchInvariantError("net_not_positive", `${netMinor}`);
  if (ledgerNetMinor !== undefined && ledgerNetMinor !== netMinor) {
    throw new BatchInvariantError("net_differs_from_ledger", `${netMinor} vs ${ledgerNetMinor}`);
  }
}
