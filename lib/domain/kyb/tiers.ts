export const ACCOUNT_TIERS = ["standard", "premium"] as const;
export type AccountTier = (typeof ACCOUNT_TIERS)[number];

export interface TierLimits {
  dailyPayoutCnyMinor: bigint;
  dailyConversionCnyMinor: bigint;
}

/** Standard CNY 50,000.00 and premium CNY 200,000.00 a day, for payouts and conversions alike. */
export const DEFAULT_TIER_LIMITS: Readonly<Record<AccountTier, Readonly<TierLimits>>> = Object.freeze({
  standard: Object.freeze({ dailyPayoutCnyMinor: 5_000_000n, dailyConversionCnyMinor: 5_000_000n }),
  premium: Object.freeze({ dailyPayoutCnyMinor: 20_000_000n, dailyConversionCnyMinor: 20_000_000n }),
});
