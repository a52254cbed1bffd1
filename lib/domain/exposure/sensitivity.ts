import { FxDecimal, plain } from "../fx/decimal";
import { cnyEquivalent } from "../fx/quote";

/**
 * Moves of CNY against every foreign currency, in percent. Convention: +3 means CNY gains 3 %, so each foreign unit
 * buys 3 % fewer yuan: new rate = rate × (1 − 0.03); −3 means the rate × 1.03.
 */
export const CNY_MOVES_PERCENT = [-5, -3, -1, 0, 1, 3, 5] as const;

/** What the organization told us of its margin: a target margin on today's proceeds, or what the goods cost in CNY. */
export type MarginBasis = { kind: "target_margin"; bps: number } | { kind: "cost_base"; costCnyMinor: bigint };

/** Open receivables of one currency with today's fresh mid rate to CNY. */
export interface PricedReceivables {
  currency: string;
  amountMinor: bigint;
  mid: string;
}

export interface MoveOutcome {
  movePercent: number;
  /** Expected CNY proceeds in fen, at the moved rate, rounded half-even. */
  proceedsMinor: bigint;
  /** proceeds − proceeds at today's rate. */
  changeMinor: bigint;
}

export interface TotalMoveOutcome extends MoveOutcome {
  /** (proceeds − cost) / proceeds in percent, 2 decimals half-even; null without a margin basis or without proceeds. */
  marginPercent: string | null;
}

export interface Sensitivity {
  moves: readonly number[];
  currencies: { currency: string; amountMinor: bigint; outcomes: MoveOutcome[] }[];
  total: TotalMoveOutcome[];
  /** The CNY cost the margins are measured against (fen, half-even), or null without a basis. */
  costCnyMinor: bigint | null;
}

/** The mid rate after CNY moves by `movePercent`: rate × (1 − movePercent / 100), exact. */
export function movedRate(mid: string, movePercent: number): string {
  return plain(new FxDecimal(mid).times(new FxDecimal(1).minus(new FxDecimal(movePercent).dividedBy(100))));
}

/** (proceeds − cost) / proceeds in percent, 2 decimals half-even; null when there are no proceeds. */
export function marginPercent(proceedsMinor: bigint, cost: FxDecimal): string | null {
  if (proceedsMinor <= 0n) return null;
  const proceeds = new FxDecimal(proceedsMinor.toString());
  return proceeds.minus(cost).times(100).dividedBy(proceeds).toDecimalPlaces(2).toFixed(2);
}

/** The cost behind today's proceeds: proceeds × (1 − margin) for a target margin, or the cost base as given. */
export function costOf(basis: MarginBasis, proceedsTodayMinor: bigint): FxDecimal {
  if (basis.kind === "cost_base") return new FxDecimal(basis.costCnyMinor.toString());
  return new FxDecimal(proceedsTodayMinor.toString()).times(new FxDecimal(10_000 - basis.bps).dividedBy(10_000));
}

/**
 * Expected CNY proceeds of open receivables under each move, per currency and in total (the sum of the rounded
 * per-currency proceeds), the change against today, and the margin under each move where a basis is given.
 */
export function computeSensitivity(receivables: readonly PricedReceivables[], basis: MarginBasis | null, moves: readonly number[] = CNY_MOVES_PERCENT): Sensitivity {
  let todayTotal = 0n;
  const currencies = receivables
    .filter((r) => r.amountMinor !== 0n)
    .map(({ currency, amountMinor, mid }) => {
      const today = cnyEquivalent(amountMinor, currency, mid);
      todayTotal += today;
      const outcomes = moves.map((movePercent) => {
        const proceedsMinor = cnyEquivalent(amountMinor, currency, movedRate(mid, movePercent));
        return { movePercent, proceedsMinor, changeMinor: proceedsMinor - today };
      });
      return { currency, amountMinor, outcomes };
    });
  const cost = basis ? costOf(basis, todayTotal) : null;
  const total = moves.map((movePercent, index) => {
    const proceedsMinor = currencies.reduce((sum, row) => sum + row.outcomes[index]!.proceedsMinor, 0n);
    return { movePercent, proceedsMinor, changeMinor: proceedsMinor - todayTotal, marginPercent: cost ? marginPercent(proceedsMinor, cost) : null };
  });
  return { moves, currencies, total, costCnyMinor: cost ? BigInt(cost.toDecimalPlaces(0).toFixed(0)) : null };
}
