import { toDecimalString } from "@/lib/domain/money";
import { needsSecondApproval } from "@/lib/domain/settlement/payout";
import { now as clockNow } from "../clock";
import { MONEY_ROLES } from "../guard/access";
import { defineAction } from "../guard/define-action";
import { assertOrganizationApproved } from "../kyb";
import { availableBalance } from "./balance";
import { checkPayout, createPayout, insufficientAvailable } from "./create";
import { payoutAmount, payoutRequestInput } from "./inputs";
import { wakePayoutProcessing } from "./lifecycle";
import { approvalThreshold } from "./settings";

/**
 * What the request form shows before the member confirms: every fee line, the total, what reaches the bank account,
 * and whether an owner will have to approve. Checks what the request will check (bank account, currency, limits,
 * available) so a refusal comes before confirming; changes nothing. Amounts are minor units as text.
 */
export const previewPayoutAction = defineAction({
  name: "payouts.preview",
  access: { kind: "org", roles: MONEY_ROLES },
  readOnly: true,
  input: payoutRequestInput,
  async handler(ctx, input) {
    await assertOrganizationApproved(ctx);
    const organizationId = ctx.organization.id;
    const { currency, amountMinor } = payoutAmount(input);
    const now = await clockNow(ctx.tx);
    const { account, price, cnyMinor } = await checkPayout(ctx.tx, { organizationId, currency, amountMinor, speed: input.speed, requestedBy: ctx.auth.user.id, now });
    const available = await availableBalance(ctx.tx, organizationId, currency);
    if (available < amountMinor) throw insufficientAvailable(amountMinor, available, currency);
    const threshold = await approvalThreshold(organizationId, ctx.tx);
    return {
      currency,
      speed: input.speed,
      amountMinor: amountMinor.toString(),
      lines: price.feeLines.map((line) => ({
        type: line.type,
        rate: line.rate,
        basisMinor: line.basisMinor?.toString() ?? null,
        amountMinor: line.amountMinor.toString(),
      })),
      feeMinor: price.feeMinor.toString(),
      netMinor: price.netMinor.toString(),
      cnyEquivalentMinor: cnyMinor.toString(),
      approvalRequired: needsSecondApproval({ amountCnyMinor: cnyMinor, thresholdCnyMinor: threshold }),
      thresholdCnyMinor: threshold.toString(),
      bankName: account.bankName,
      accountEnding: account.accountNumber.slice(-4),
    };
  },
});

/**
 * A member's payout of available money now: posts the payout entry (fees as their own lines) and, within the
 * organization's threshold, approves it at once for the bank; above it, it waits for an owner. Owners and finance,
 * with a fresh second factor.
 */
export const requestPayoutAction = defineAction({
  name: "payouts.request",
  access: { kind: "org", roles: MONEY_ROLES },
  stepUp: true,
  input: payoutRequestInput,
  async handler(ctx, input) {
    await assertOrganizationApproved(ctx);
    const { currency, amountMinor } = payoutAmount(input);
    const now = await clockNow(ctx.tx);
    const payout = await createPayout(ctx.tx, {
      organizationId: ctx.organization.id,
      currency,
      amountMinor,
      speed: input.speed,
      origin: { kind: "on_demand", requestedBy: ctx.auth.user.id },
      now,
    });
    ctx.audit(`payout:${payout.payoutId}`, {
      amount: `${currency} ${toDecimalString(amountMinor, currency)}`,
      fees: payout.feeLines.map((line) => ({ type: line.type, amount: toDecimalString(line.amountMinor, currency) })),
      net: toDecimalString(payout.netMinor, currency),
      speed: input.speed,
      status: payout.status,
      entryId: payout.entryId,
    });
    if (payout.status === "approved") ctx.afterCommit(() => wakePayoutProcessing());
    return { payoutId: payout.payoutId, status: payout.status };
  },
});
