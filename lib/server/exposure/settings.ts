import { z } from "zod";
import { exposureSettings } from "@/db/schema";
import { parseMarginPercent } from "@/lib/domain/exposure";
import { bpsPercent } from "@/lib/domain/fx/pricing";
import { parseAmount, toDecimalString } from "@/lib/domain/money";
import { MONEY_ROLES } from "../guard/access";
import { ActionError } from "../guard/action-error";
import { defineAction } from "../guard/define-action";
import { loadExposureSettings } from "./queries";

type Stored = { targetMarginBps: number | null; costBaseCnyMinor: bigint | null } | null;

function describe(settings: Stored) {
  if (settings?.costBaseCnyMinor != null) return { costBaseCny: toDecimalString(settings.costBaseCnyMinor, "CNY") };
  if (settings?.targetMarginBps != null) return { targetMarginPercent: bpsPercent(settings.targetMarginBps) };
  return { basis: "none" };
}

/** Owners and finance tell the exposure view their target margin (in percent) or the CNY cost of the goods; one or neither. */
export const saveExposureSettingsAction = defineAction({
  name: "exposure.saveSettings",
  access: { kind: "org", roles: MONEY_ROLES },
  input: z.object({
    org: z.string(),
    basis: z.enum(["none", "target_margin", "cost_base"]),
    targetMargin: z.string().trim().max(20).default(""),
    costBase: z.string().trim().max(40).default(""),
  }),
  async handler(ctx, input) {
    let targetMarginBps: number | null = null;
    let costBaseCnyMinor: bigint | null = null;
    if (input.basis === "target_margin") {
      const margin = parseMarginPercent(input.targetMargin);
      if (!margin.ok) throw new ActionError(`exposure_margin_${margin.error}`);
      targetMarginBps = margin.bps;
    } else if (input.basis === "cost_base") {
      const cost = parseAmount(input.costBase, "CNY");
      if (!cost.ok) throw new ActionError(`amount_${cost.error}`);
      costBaseCnyMinor = cost.amountMinor;
    }
    const before = await loadExposureSettings(ctx.tx, ctx.organization.id);
    const values = { targetMarginBps, costBaseCnyMinor, updatedBy: ctx.auth.user.id, updatedAt: new Date() };
    await ctx.tx
      .insert(exposureSettings)
      .values({ organizationId: ctx.organization.id, ...values })
      .onConflictDoUpdate({ target: exposureSettings.organizationId, set: values });
    const after = { targetMarginBps, costBaseCnyMinor };
    ctx.audit(`organization:${ctx.organization.slug}`, { from: describe(before), to: describe(after) });
    return { basis: input.basis, targetMarginBps, costBaseCny: costBaseCnyMinor === null ? null : toDecimalString(costBaseCnyMinor, "CNY") };
  },
});
