import { describe, expect, it } from "vitest";
import { ACCOUNT_TIERS, DEFAULT_TIER_LIMITS } from "./tiers";

describe("DEFAULT_TIER_LIMITS", () => {
  it("limits standard accounts to CNY 50,000.00 and premium to CNY 200,000.00 a day", () => {
    expect(DEFAULT_TIER_LIMITS).toEqual({
      standard: { dailyPayoutCnyMinor: 5_000_000n, dailyConversionCnyMinor: 5_000_000n },
      premium: { dailyPayoutCnyMinor: 20_000_000n, dailyConversionCnyMinor: 20_000_000n },
    });
  });

  it("has limits for exactly the account tiers", () => {
    expect(Object.keys(DEFAULT_TIER_LIMITS).sort()).toEqual([...ACCOUNT_TIERS].sort());
  });

  it("cannot be changed at run time", () => {
    expect(Object.isFrozen(DEFAULT_TIER_LIMITS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_TIER_LIMITS.standard)).toBe(true);
  });
});
