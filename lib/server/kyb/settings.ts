import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { db } from "@/db/client";
import { kybRiskPolicy, tierLimits } from "@/db/schema";
import { ACCOUNT_TIERS, DEFAULT_RISK_POLICY, DEFAULT_TIER_LIMITS, type AccountTier, type RiskPolicy, type TierLimits } from "@/lib/domain/kyb";
import { parseAmount, toDecimalString } from "@/lib/domain/money";
import { ActionError } from "../guard/action-error";
import { defineAction } from "../guard/define-action";
import { isCountryCode } from "./schemas";

/** The limits of every tier: the platform admins' settings, DEFAULT_TIER_LIMITS where they set none. */
export async function loadTierLimits(executor: Executor = db()): Promise<Record<AccountTier, TierLimits>> {
  const rows = await executor.select().from(tierLimits);
  const limits = { ...DEFAULT_TIER_LIMITS } as Record<AccountTier, TierLimits>;
  for (const row of rows) {
    limits[row.tier] = { dailyPayoutCnyMinor: row.dailyPayoutCnyMinor, dailyConversionCnyMinor: row.dailyConversionCnyMinor };
  }
  return limits;
}

export async function loadRiskPolicy(executor: Executor = db()): Promise<RiskPolicy> {
  const [row] = await executor.select().from(kybRiskPolicy).where(eq(kybRiskPolicy.id, 1));
  return row ? { volumeThresholdCnyMinor: row.volumeThresholdCnyMinor, highRiskCountries: row.highRiskCountries } : DEFAULT_RISK_POLICY;
}

function cny(value: string, field: string): bigint {
  const parsed = parseAmount(value, "CNY", { allowNegative: false, allowZero: false });
  if (!parsed.ok) throw new ActionError(`amount_${parsed.error}`, { field });
  return parsed.amountMinor;
}

const PLATFORM_ADMIN = { kind: "staff", roles: ["platform_admin"] } as const;

export const updateTierLimitsAction = defineAction({
  name: "kyb.updateTierLimits",
  access: PLATFORM_ADMIN,
  stepUp: true,
  input: z.object({
    tier: z.enum(ACCOUNT_TIERS),
    dailyPayout: z.string().trim().min(1, "validation.required").max(40),
    dailyConversion: z.string().trim().min(1, "validation.required").max(40),
  }),
  async handler(ctx, input) {
    const dailyPayoutCnyMinor = cny(input.dailyPayout, "dailyPayout");
    const dailyConversionCnyMinor = cny(input.dailyConversion, "dailyConversion");
    const before = (await loadTierLimits(ctx.tx))[input.tier];
    await ctx.tx
      .insert(tierLimits)
      .values({ tier: input.tier, dailyPayoutCnyMinor, dailyConversionCnyMinor, updatedBy: ctx.auth.user.id })
      .onConflictDoUpdate({
        target: tierLimits.tier,
        set: { dailyPayoutCnyMinor, dailyConversionCnyMinor, updatedBy: ctx.auth.user.id, updatedAt: new Date() },
      });
    ctx.audit(`tier:${input.tier}`, {
      currency: "CNY",
      from: { dailyPayout: toDecimalString(before.dailyPayoutCnyMinor, "CNY"), dailyConversion: toDecimalString(before.dailyConversionCnyMinor, "CNY") },
      to: { dailyPayout: toDecimalString(dailyPayoutCnyMinor, "CNY"), dailyConversion: toDecimalString(dailyConversionCnyMinor, "CNY") },
    });
    return { tier: input.tier, dailyPayoutCnyMinor, dailyConversionCnyMinor };
  },
});

export const updateRiskPolicyAction = defineAction({
  name: "kyb.updateRiskPolicy",
  access: PLATFORM_ADMIN,
  stepUp: true,
  input: z.object({
    volumeThreshold: z.string().trim().min(1, "validation.required").max(40),
    highRiskCountries: z
      .string()
      .max(1000)
      .transform((value) => [...new Set(value.split(/[\s,，;；、]+/).map((c) => c.trim().toUpperCase()).filter(Boolean))])
      .refine((codes) => codes.every(isCountryCode), "validation.kyb_country"),
  }),
  async handler(ctx, input) {
    const volumeThresholdCnyMinor = cny(input.volumeThreshold, "volumeThreshold");
    const before = await loadRiskPolicy(ctx.tx);
    await ctx.tx
      .insert(kybRiskPolicy)
      .values({ id: 1, volumeThresholdCnyMinor, highRiskCountries: input.highRiskCountries, updatedBy: ctx.auth.user.id })
      .onConflictDoUpdate({
        target: kybRiskPolicy.id,
        set: { volumeThresholdCnyMinor, highRiskCountries: input.highRiskCountries, updatedBy: ctx.auth.user.id, updatedAt: new Date() },
      });
    ctx.audit("kyb:risk-policy", {
      from: { volumeThreshold: toDecimalString(before.volumeThresholdCnyMinor, "CNY"), highRiskCountries: [...before.highRiskCountries] },
      to: { volumeThreshold: toDecimalString(volumeThresholdCnyMinor, "CNY"), highRiskCountries: input.highRiskCountries },
    });
    return { volumeThresholdCnyMinor, highRiskCountries: input.highRiskCountries };
  },
});
