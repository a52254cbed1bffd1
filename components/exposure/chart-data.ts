/** Colours for up to eight currencies, each dark enough for 3:1 contrast against white. */
const PALETTE = ["#0f766e", "#0369a1", "#b45309", "#6d28d9", "#be123c", "#047857", "#475569", "#c2410c"];

export function currencyColors(currencies: readonly string[]): Record<string, string> {
  return Object.fromEntries(currencies.map((currency, index) => [currency, PALETTE[index % PALETTE.length]!]));
}

/**
 * Yuan as a plain number, for drawing bars only: chart geometry needs numbers, and a fen of imprecision cannot show.
 * Every figure a person reads comes from the exact amounts in the tables.
 */
export function yuanForChart(fen: bigint): number {
  return Number(fen) / 100;
}

/** A move of the yuan as shown in headers and on axes: "+3 %", "−3 %", "0 %" (a true minus sign). */
export function moveText(movePercent: number): string {
  if (movePercent === 0) return "0";
  return movePercent > 0 ? `+${movePercent}` : `−${Math.abs(movePercent)}`;
}
