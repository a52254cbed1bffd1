import { z } from "zod";
import type { Transaction } from "@/db/client";
import { bankAdapter } from "../banking";
import { instructSandboxPayout, type SandboxPayoutOutcome } from "../banking/sandbox-payouts";
import { now as clockNow } from "../clock";
import { MONEY_ROLES } from "../guard/access";
import { ActionError } from "../guard/action-error";
import { defineAction } from "../guard/define-action";
import { lockPayout, nextStatusOrRefuse, type PayoutRow, sendLockedPayout, settleLockedPayout } from "./lifecycle";

export const SANDBOX_OUTCOMES = ["failed", "returned"] as const satisfies readonly SandboxPayoutOutcome[];

/** Whether the configured bank is the sandbox, whose payouts can be told to fail or come back. */
export function sandboxBankActive(): boolean {
  return bankAdapter().provider === "sandbox";
}

/**
 * Tells the sandbox bank to fail or return a locked payout and records the outcome at once: an approved payout is
 * sent first; the entry is then reversed (available restored, fees included) with the bank's reason.
 */
export async function applySandboxOutcome(tx: Transaction, payout: PayoutRow, outcome: SandboxPayoutOutcome, reason: string, now: Date): Promise<PayoutRow> {
  const bank = bankAdapter();
  if (bank.provider !== "sandbox") throw new ActionError("payout_sandbox_only");
  const sent = await sendLockedPayout(tx, payout, bank, now);
  nextStatusOrRefuse(sent, outcome === "failed" ? "fail" : "return");
  if (!(await instructSandboxPayout(tx, sent.id, outcome, reason))) throw new ActionError("payout_not_sent");
  return settleLockedPayout(tx, sent, bank, now);
}

/** The sandbox control on a payout's page (owners and finance; only with the sandbox bank). */
export const sandboxPayoutOutcomeAction = defineAction({
  name: "payouts.sandboxOutcome",
  access: { kind: "org", roles: MONEY_ROLES },
  input: z.object({
    org: z.string(),
    payoutId: z.uuid(),
    outcome: z.enum(SANDBOX_OUTCOMES, "validation.choice"),
    reason: z.string().trim().min(1, "validation.required").max(200),
  }),
  async handler(ctx, input) {
    if (!sandboxBankActive()) throw new ActionError("not_found");
    const payout = await lockPayout(ctx.tx, input.payoutId, { organizationId: ctx.organization.id });
    if (!payout) throw new ActionError("payout_not_found");
    const after = await applySandboxOutcome(ctx.tx, payout, input.outcome, input.reason, await clockNow(ctx.tx));
    ctx.audit(`payout:${payout.id}`, { outcome: input.outcome, reason: input.reason, reversalEntryId: after.reversalEntryId });
    return { payoutId: payout.id, status: after.status };
  },
});
