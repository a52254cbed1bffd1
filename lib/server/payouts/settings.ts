import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { db, type Executor } from "@/db/client";
import { payoutSettings } from "@/db/schema";
import { parseAmount, toDecimalString } from "@/lib/domain/money";
import { DEFAULT_APPROVAL_THRESHOLD_CNY_MINOR } from "@/lib/domain/settlement/payout";
import { OWNER_ONLY } from "../guard/access";
import { ActionError } from "../guard/action-error";
import { defineAction } from "../guard/define-action";

/** The organization's maker-checker threshold (CNY minor units), the default when an owner has set none. */
export async function approvalThreshold(organizationId: string, executor: Executor = db()): Promise<bigint> {
  const [row] = await executor
    .select({ threshold: payoutSettings.approvalThresholdCnyMinor })
    .from(payoutSettings)
    .where(eq(payoutSettings.organizationId, organizationId));
  return row?.threshold ?? DEFAULT_APPROVAL_THRESHOLD_CNY_MINOR;
}

/**
 * The threshold, with the organization's settings row locked to the end of the transaction: every payout of the
 * organization is created one transaction at a time behind this lock, so the day's limits are counted over the
 * payouts the one before left, and two requests at once cannot both pass a limit that only one fits in.
 */
export async function lockPayoutSettings(executor: Executor, organizationId: string): Promise<bigint> {
  const [row] = await executor.execute<{ threshold: string }>(sql`
    insert into payout_settings as s (organization_id, approval_threshold_cny_minor)
    values (${organizationId}, ${DEFAULT_APPROVAL_THRESHOLD_CNY_MINOR.toString()}::bigint)
    on conflict (organization_id) do update set approval_threshold_cny_minor = s.approval_threshold_cny_minor
    returning s.approval_threshold_cny_minor::text as threshold`);
  return BigInt(row!.threshold);
}

/** Owners set the maker-checker threshold (CNY; 0 = every payout needs an owner's approval), with a fresh second factor. */
export const updatePayoutSettingsAction = defineAction({
  name: "payouts.updateSettings",
  access: { kind: "org", roles: OWNER_ONLY },
  stepUp: true,
  input: z.object({ org: z.string(), threshold: z.string().trim().min(1, "validation.required").max(40) }),
  async handler(ctx, input) {
    const parsed = parseAmount(input.threshold, "CNY", { allowNegative: false, allowZero: true });
    if (!parsed.ok) throw new ActionError(`amount_${parsed.error}`, { field: "threshold" });
    const organizationId = ctx.organization.id;
    const before = await lockPayoutSettings(ctx.tx, organizationId);
    await ctx.tx
      .update(payoutSettings)
      .set({ approvalThresholdCnyMinor: parsed.amountMinor, updatedBy: ctx.auth.user.id, updatedAt: new Date() })
      .where(eq(payoutSettings.organizationId, organizationId));
    ctx.audit(`payout-settings:${organizationId}`, { currency: "CNY", from: toDecimalString(before, "CNY"), to: toDecimalString(parsed.amountMinor, "CNY") });
    return { thresholdCnyMinor: parsed.amountMinor.toString() };
  },
});
