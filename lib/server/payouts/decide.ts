import { eq } from "drizzle-orm";
import { payouts } from "@/db/schema";
import { toDecimalString } from "@/lib/domain/money";
import { canApprove } from "@/lib/domain/settlement/payout";
import { now as clockNow } from "../clock";
import { MONEY_ROLES } from "../guard/access";
import { ActionError } from "../guard/action-error";
import { defineAction } from "../guard/define-action";
import { payoutIdInput } from "./inputs";
import { cancelLockedPayout, lockPayout, nextStatusOrRefuse, wakePayoutProcessing } from "./lifecycle";

/**
 * Maker-checker: an owner other than the requester approves a payout above the threshold, with a fresh second
 * factor. The payout's row is locked first, so of two approvals at once the second finds it approved already.
 */
export const approvePayoutAction = defineAction({
  name: "payouts.approve",
  access: { kind: "org", roles: MONEY_ROLES },
  stepUp: true,
  input: payoutIdInput,
  async handler(ctx, input) {
    const payout = await lockPayout(ctx.tx, input.payoutId, { organizationId: ctx.organization.id });
    if (!payout) throw new ActionError("payout_not_found");
    const status = nextStatusOrRefuse(payout, "approve");
    const allowed = canApprove({ requesterId: payout.requestedBy, approverId: ctx.auth.user.id, approverRole: ctx.membership.role });
    if (!allowed.ok) throw new ActionError(allowed.code);
    const at = await clockNow(ctx.tx);
    await ctx.tx.update(payouts).set({ status, approvedBy: ctx.auth.user.id, approvedAt: at }).where(eq(payouts.id, payout.id));
    ctx.audit(`payout:${payout.id}`, { amount: `${payout.currency} ${toDecimalString(payout.amountMinor, payout.currency)}`, requestedBy: payout.requestedBy, status });
    ctx.afterCommit(() => wakePayoutProcessing());
    return { payoutId: payout.id, status };
  },
});

/** Withdraws a payout still awaiting approval: its entry is reversed and the amount, fees included, is available again. */
export const cancelPayoutAction = defineAction({
  name: "payouts.cancel",
  access: { kind: "org", roles: MONEY_ROLES },
  input: payoutIdInput,
  async handler(ctx, input) {
    const payout = await lockPayout(ctx.tx, input.payoutId, { organizationId: ctx.organization.id });
    if (!payout) throw new ActionError("payout_not_found");
    const cancelled = await cancelLockedPayout(ctx.tx, payout, ctx.auth.user.id, await clockNow(ctx.tx));
    ctx.audit(`payout:${payout.id}`, { amount: `${payout.currency} ${toDecimalString(payout.amountMinor, payout.currency)}`, reversalEntryId: cancelled.reversalEntryId });
    return { payoutId: payout.id, status: cancelled.status };
  },
});
