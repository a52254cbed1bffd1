import { minorUnits } from "../money";

export interface BankChargesPolicy {
  /** A shortfall up to this share of what was due may be charges (basis points: 50 = 0.5 %). */
  maxShareBps: number;
  /** …or up to this many major units of the currency, whichever is more. */
  smallAmountMajor: number;
}

/** Intermediary banks typically take USD 15–35 or 0.1–0.5 % of a transfer on the way. */
export const DEFAULT_BANK_CHARGES_POLICY: BankChargesPolicy = { maxShareBps: 50, smallAmountMajor: 35 };

/**
 * Whether a payment that fell short of what was due by `shortfallMinor` looks like the rest was deducted as bank
 * charges: the bank said it took exactly that much, or the shortfall is within the policy's small amount or share.
 */
export function looksLikeBankCharges(
  { shortfallMinor, dueMinor, reportedChargesMinor, currency }: { shortfallMinor: bigint; dueMinor: bigint; reportedChargesMinor: bigint; currency: string },
  policy: BankChargesPolicy = DEFAULT_BANK_CHARGES_POLICY,
): boolean {
  if (shortfallMinor <= 0n || shortfallMinor >= dueMinor) return false;
  if (reportedChargesMinor === shortfallMinor) return true;
  const small = BigInt(policy.smallAmountMajor) * 10n ** BigInt(minorUnits(currency));
  return shortfallMinor <= small || shortfallMinor * 10_000n <= dueMinor * BigInt(policy.maxShareBps);
}

/** The most a payment of `amountMinor` can have lost to charges under the policy (what was due is at most amount + this). */
export function largestBankCharges(amountMinor: bigint, currency: string, policy: BankChargesPolicy = DEFAULT_BANK_CHARGES_POLICY): bigint {
  const small = BigInt(policy.smallAmountMajor) * 10n ** BigInt(minorUnits(currency));
  const bps = BigInt(policy.maxShareBps);
  // shortfall ≤ due × bps / 10,000 with due = amount + shortfall, rounded up.
  const byShare = (amountMinor * bps + (10_000n - bps) - 1n) / (10_000n - bps);
  return small > byShare ? small : byShare;
}
