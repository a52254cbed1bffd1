import { FxDecimal } from "./decimal";

/** One tier of an organization's FX pricing: from this CNY-equivalent amount on, this spread and fee apply. */
export interface PricingTier {
  /** Lower bound of the tier, inclusive, in CNY minor units (fen) of the conversion's CNY equivalent. */
  fromCnyMinor: bigint;
  /** The customer rate is the mid less this many basis points (1 bp = 0.01 %). */
  spreadBps: number;
  /** A fee of this many basis points of the amount converted, charged on top in the sold currency. */
  feeBps: number;
}

export interface Pricing {
  tiers: readonly PricingTier[];
}

/** What an organization without pricing of its own pays: 0.50 % below CNY 100,000, 0.30 % from there, no fee. */
export const DEFAULT_PRICING: Pricing = Object.freeze({
  tiers: Object.freeze([
    Object.freeze({ fromCnyMinor: 0n, spreadBps: 50, feeBps: 0 }),
    Object.freeze({ fromCnyMinor: 10_000_000n, spreadBps: 30, feeBps: 0 }),
  ]),
});

export const MAX_SPREAD_BPS = 1000;
export const MAX_FEE_BPS = 500;
export const MAX_TIERS = 6;

export type PricingProblem = "no_tiers" | "too_many_tiers" | "first_tier_not_zero" | "tiers_not_increasing" | "spread_out_of_range" | "fee_out_of_range";

/** Why the tiers cannot be used, or null: they start at 0, rise strictly, and keep spread and fee within bounds. */
export function pricingProblem(tiers: readonly PricingTier[]): PricingProblem | null {
  if (tiers.length === 0) return "no_tiers";
  if (tiers.length > MAX_TIERS) return "too_many_tiers";
  if (tiers[0]!.fromCnyMinor !== 0n) return "first_tier_not_zero";
  for (let i = 1; i < tiers.length; i++) if (tiers[i]!.fromCnyMinor <= tiers[i - 1]!.fromCnyMinor) return "tiers_not_increasing";
  for (const tier of tiers) {
    if (!Number.isInteger(tier.spreadBps) || tier.spreadBps < 0 || tier.spreadBps > MAX_SPREAD_BPS) return "spread_out_of_range";
    if (!Number.isInteger(tier.feeBps) || tier.feeBps < 0 || tier.feeBps > MAX_FEE_BPS) return "fee_out_of_range";
  }
  return null;
}

/** The tier for a conversion worth `cnyMinor`: the last whose lower bound it reaches. */
export function tierFor(pricing: Pricing, cnyMinor: bigint): PricingTier {
  const problem = pricingProblem(pricing.tiers);
  if (problem) throw new RangeError(`Invalid pricing: ${problem}`);
  let chosen = pricing.tiers[0]!;
  for (const tier of pricing.tiers) if (cnyMinor >= tier.fromCnyMinor) chosen = tier;
  return chosen;
}

/** Basis points as a plain decimal fraction: 25 → "0.0025". */
export function bpsFraction(bps: number): string {
  return new FxDecimal(bps).dividedBy(10_000).toFixed();
}

/** Basis points as a percentage string for display: 25 → "0.25". */
export function bpsPercent(bps: number): string {
  return new FxDecimal(bps).dividedBy(100).toFixed();
}

/** As stored (JSON): amounts as strings. */
export interface StoredPricingTier {
  fromCnyMinor: string;
  spreadBps: number;
  feeBps: number;
}

export function toStoredTiers(tiers: readonly PricingTier[]): StoredPricingTier[] {
  return tiers.map((tier) => ({ fromCnyMinor: tier.fromCnyMinor.toString(), spreadBps: tier.spreadBps, feeBps: tier.feeBps }));
}

export function fromStoredTiers(tiers: readonly StoredPricingTier[]): PricingTier[] {
  return tiers.map((tier) => ({ fromCnyMinor: BigInt(tier.fromCnyMinor), spreadBps: tier.spreadBps, feeBps: tier.feeBps }));
}
