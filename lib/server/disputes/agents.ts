import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Transaction } from "@/db/client";
import { disputes, users } from "@/db/schema";
import { agentEscalation, DISPUTE_TIERS, isUndecided, type DisputeStatus } from "@/lib/domain/disputes";
import { now } from "../clock";
import { ActionError } from "../guard/action-error";
import { defineAction } from "../guard/define-action";
import { DISPUTE_STAFF } from "./access";
import { lockDispute, nextStatus, recordEvent, updateDispute, type Dispute } from "./case";
import { applyEscalation } from "./escalation";

/**
 * An agent takes an unassigned case (locked by the caller): it is theirs, and an open case is now in progress.
 * Claiming one's own case again changes nothing; a case another agent holds is refused (reassigning is explicit).
 */
export async function claimCase(tx: Transaction, dispute: Dispute, userId: string, at: Date): Promise<{ assigneeId: string; status: DisputeStatus }> {
  if (!isUndecided(dispute.status)) throw new ActionError("dispute_case_decided");
  if (dispute.assigneeId === userId) return { assigneeId: userId, status: dispute.status };
  if (dispute.assigneeId !== null) throw new ActionError("dispute_already_claimed");
  const status = dispute.status === "open" ? nextStatus(dispute.status, "claim", { now: at }) : dispute.status;
  await updateDispute(tx, dispute.id, { assigneeId: userId, status }, at);
  await recordEvent(tx, dispute, { kind: "claimed", actor: { kind: "agent", userId }, at, fromStatus: dispute.status, toStatus: status, details: { assigneeId: userId } });
  return { assigneeId: userId, status };
}

export const claimDisputeAction = defineAction({
  name: "disputes.claim",
  access: { kind: "staff", roles: DISPUTE_STAFF },
  input: z.object({ disputeId: z.uuid() }),
  async handler(ctx, input) {
    const dispute = await lockDispute(ctx.tx, eq(disputes.id, input.disputeId));
    const claimed = await claimCase(ctx.tx, dispute, ctx.auth.user.id, await now(ctx.tx));
    ctx.audit(`dispute:${dispute.id}`, { number: dispute.number, ...claimed }, dispute.organizationId);
    return claimed;
  },
});

/** Hands a case to another agent or admin, or back to the queue (null). */
export const assignDisputeAction = defineAction({
  name: "disputes.assign",
  access: { kind: "staff", roles: DISPUTE_STAFF },
  input: z.object({ disputeId: z.uuid(), assigneeId: z.uuid().nullable().or(z.literal("").transform(() => null)) }),
  async handler(ctx, input) {
    const dispute = await lockDispute(ctx.tx, eq(disputes.id, input.disputeId));
    if (!isUndecided(dispute.status)) throw new ActionError("dispute_case_decided");
    if (input.assigneeId !== null) {
      const [assignee] = await ctx.tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, input.assigneeId), inArray(users.staffRole, [...DISPUTE_STAFF])));
      if (!assignee) throw new ActionError("dispute_assignee_not_agent");
    }
    if (dispute.assigneeId === input.assigneeId) return { assigneeId: input.assigneeId };
    const at = await now(ctx.tx);
    // A case handed to someone is being worked; an open one moves to in progress as on a claim.
    const status = input.assigneeId !== null && dispute.status === "open" ? nextStatus(dispute.status, "claim", { now: at }) : dispute.status;
    await updateDispute(ctx.tx, dispute.id, { assigneeId: input.assigneeId, status }, at);
    await recordEvent(ctx.tx, dispute, {
      kind: "assigned",
      actor: { kind: "agent", userId: ctx.auth.user.id },
      at,
      fromStatus: dispute.status,
      toStatus: status,
      details: { from: dispute.assigneeId, to: input.assigneeId },
    });
    ctx.audit(`dispute:${dispute.id}`, { number: dispute.number, from: dispute.assigneeId, to: input.assigneeId }, dispute.organizationId);
    return { assigneeId: input.assigneeId };
  },
});

/** Moves an undecided case to a higher tier with the agent's reason; the new tier's timers start now. */
export const escalateDisputeAction = defineAction({
  name: "disputes.escalate",
  access: { kind: "staff", roles: DISPUTE_STAFF },
  input: z.object({ disputeId: z.uuid(), toTier: z.enum(DISPUTE_TIERS, "validation.choice"), reason: z.string().max(2000) }),
  async handler(ctx, input) {
    const dispute = await lockDispute(ctx.tx, eq(disputes.id, input.disputeId));
    if (!isUndecided(dispute.status)) throw new ActionError("dispute_case_decided");
    const checked = agentEscalation(dispute.tier, input.toTier, input.reason);
    if (!checked.ok) throw new ActionError(checked.code);
    const at = await now(ctx.tx);
    const updated = await applyEscalation(ctx.tx, dispute, checked.escalation, { kind: "agent", userId: ctx.auth.user.id }, at);
    ctx.audit(`dispute:${dispute.id}`, { number: dispute.number, from: dispute.tier, to: updated.tier, reason: checked.escalation.reasons[0] }, dispute.organizationId);
    return { tier: updated.tier };
  },
});
