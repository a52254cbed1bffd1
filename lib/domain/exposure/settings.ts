import { FxDecimal } from "../fx/decimal";
import type { MarginBasis } from "./sensitivity";

/** A margin is between −100 % and 100 % exclusive (as the database checks), to a hundredth of a percent. */
export const MAX_MARGIN_BPS = 9_999;

export type MarginParseResult = { ok: true; bps: number } | { ok: false; error: "invalid" | "too_precise" | "out_of_range" };

const PERCENT = /^([+-]?)(\d{1,6})(?:\.(\d+))?$/;

/** A margin typed in percent ("5", "12.5", "5 %", full-width "５％") as basis points; more than 2 decimals is refused. */
export function parseMarginPercent(input: string): MarginParseResult {
  const text = input
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s%]/g, "")
    .replace(/^−/, "-");
  const match = PERCENT.exec(text);
  if (!match) return { ok: false, error: "invalid" };
  const [, sign, whole, fraction = ""] = match;
  if (fraction.replace(/0+$/, "").length > 2) return { ok: false, error: "too_precise" };
  const bps = new FxDecimal(`${sign}${whole}.${fraction || "0"}`).times(100).toNumber();
  if (Math.abs(bps) > MAX_MARGIN_BPS) return { ok: false, error: "out_of_range" };
  return { ok: true, bps: bps === 0 ? 0 : bps };
}

/** The stored settings as the basis margins are measured against: the cost base wins when both are stored. */
export function marginBasis(settings: { targetMarginBps: number | null; costBaseCnyMinor: bigint | null } | null | undefined): MarginBasis | null {
  if (!settings) return null;
  if (settings.costBaseCnyMinor !== null) return { kind: "cost_base", costCnyMinor: settings.costBaseCnyMinor };
  if (settings.targetMarginBps !== null) return { kind: "target_margin", bps: settings.targetMarginBps };
  return null;
}
