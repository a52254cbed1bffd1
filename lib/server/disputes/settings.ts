import { eq } from "drizzle-orm";
import { z } from "zod";
import { db, type Executor } from "@/db/client";
import { disputeSettings } from "@/db/schema";
import { DEFAULT_ESCALATION_RULES, type EscalationRules } from "@/lib/domain/disputes";
import { parseAmount, toDecimalString } from "@/lib/domain/money";
import { ActionError } from "../guard/action-error";
import { defineAction } from "../guard/define-action";
import { DISPUTE_ADMIN } from "./access";

export interface DisputeSettingsView {
  amountThresholdCnyMinor: bigint;
  repeatedBuyerCases: number;
  repeatedBuyerDays: number;
  /** Null while the defaults apply. */
  updatedAt: Date | null;
}

export async function currentDisputeSettings(executor: Executor = db()): Promise<DisputeSettingsView> {
  const [row] = await executor.select().from(disputeSettings).where(eq(disputeSettings.id, 1));
  if (!row) {
    return {
      amountThresholdCnyMinor: DEFAULT_ESCALATION_RULES.amountThresholdCnyMinor,
      repeatedBuyerCases: DEFAULT_ESCALATION_RULES.repeatedBuyer.cases,
      repeatedBuyerDays: DEFAULT_ESCALATION_RULES.repeatedBuyer.days,
      updatedAt: null,
    };
  }
  return { amountThresholdCnyMinor: row.amountThresholdCnyMinor, repeatedBuyerCases: row.repeatedBuyerCases, repeatedBuyerDays: row.repeatedBuyerDays, updatedAt: row.updatedAt };
}

/** The escalation rules in force: the configured threshold and repeated-buyer rule, with the standard service levels. */
export async function escalationRules(executor: Executor = db()): Promise<EscalationRules> {
  const settings = await currentDisputeSettings(executor);
  return {
    amountThresholdCnyMinor: settings.amountThresholdCnyMinor,
    repeatedBuyer: { cases: settings.repeatedBuyerCases, days: settings.repeatedBuyerDays },
    serviceLevels: DEFAULT_ESCALATION_RULES.serviceLevels,
  };
}

/** Platform admins set the amount above which a case goes straight to L3, and the repeated-buyer rule. */
export const updateDisputeSettingsAction = defineAction({
  name: "disputes.updateSettings",
  access: { kind: "staff", roles: DISPUTE_ADMIN },
  input: z.object({
    amountThreshold: z.string().trim().max(40),
    repeatedBuyerCases: z.coerce.number().int().min(2).max(100),
    repeatedBuyerDays: z.coerce.number().int().min(1).max(3650),
  }),
  async handler(ctx, input) {
    const amount = parseAmount(input.amountThreshold, "CNY");
    if (!amount.ok) throw new ActionError(`amount_${amount.error}`);
    if (amount.amountMinor <= 0n) throw new ActionError("amount_zero_not_allowed");
    const before = await currentDisputeSettings(ctx.tx);
    const values = {
      amountThresholdCnyMinor: amount.amountMinor,
      repeatedBuyerCases: input.repeatedBuyerCases,
      repeatedBuyerDays: input.repeatedBuyerDays,
      updatedBy: ctx.auth.user.id,
      updatedAt: new Date(),
    };
    await ctx.tx.insert(disputeSettings).values({ id: 1, ...values }).onConflictDoUpdate({ target: disputeSettings.id, set: values });
    ctx.audit("dispute_settings", {
      amountThreshold: { from: `CNY ${toDecimalString(before.amountThresholdCnyMinor, "CNY")}`, to: `CNY ${toDecimalString(amount.amountMinor, "CNY")}` },
      repeatedBuyerCases: { from: before.repeatedBuyerCases, to: input.repeatedBuyerCases },
      repeatedBuyerDays: { from: before.repeatedBuyerDays, to: input.repeatedBuyerDays },
    });
    return { ok: true as const };
  },
});
