import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Transaction } from "@/db/client";
import { disputeMessages, disputes } from "@/db/schema";
import { DISPUTE_OUTCOMES, type DisputeOutcome, type DisputeStatus } from "@/lib/domain/disputes";
import { now } from "../clock";
import { MONEY_ROLES } from "../guard/access";
import { ActionError } from "../guard/action-error";
import { defineAction } from "../guard/define-action";
import { DISPUTE_STAFF } from "./access";
import { lockDispute, lockOrganizationDispute, nextStatus, recordEvent, timersAfter, updateDispute, type CaseActor, type Dispute } from "./case";
import { MAX_NOTE_LENGTH, parseBuyerShare } from "./decide";

const PROPOSABLE = DISPUTE_OUTCOMES.filter((outcome): outcome is Exclude<DisputeOutcome, "withdrawn"> => outcome !== "withdrawn");

/**
 * An agent proposes a resolution to both sides (an L2 case's service level asks for one within 48 hours): the
 * outcome, the buyer's share of a partial one, and the reasoning, recorded on the locked case. The factory and the
 * buyer may accept or reject it.
 */
export async function proposeCase(
  tx: Transaction,
  dispute: Dispute,
  proposal: { outcome: Exclude<DisputeOutcome, "withdrawn">; buyerShareMinor?: bigint; note: string },
  actor: CaseActor,
  at: Date,
): Promise<{ status: DisputeStatus; buyerShareMinor: bigint }> {
  const status = nextStatus(dispute.status, "propose", { now: at });
  const buyerShareMinor = proposal.outcome === "won" ? 0n : proposal.outcome === "lost" ? dispute.disputedMinor : proposal.buyerShareMinor!;
  await updateDispute(
    tx,
    dispute.id,
    { status, proposedAt: at, proposedOutcome: proposal.outcome, proposedBuyerShareMinor: buyerShareMinor, proposalNote: proposal.note, ...timersAfter(dispute, { proposedAt: at }) },
    at,
  );
  await recordEvent(tx, dispute, {
    kind: "proposed",
    actor,
    at,
    fromStatus: dispute.status,
    toStatus: status,
    details: { outcome: proposal.outcome, buyerShareMinor: buyerShareMinor.toString() },
  });
  return { status, buyerShareMinor };
}

export const proposeResolutionAction = defineAction({
  name: "disputes.propose",
  access: { kind: "staff", roles: DISPUTE_STAFF },
  input: z.object({
    disputeId: z.uuid(),
    outcome: z.enum(PROPOSABLE, "validation.choice"),
    buyerShare: z.string().trim().max(40).optional(),
    note: z.string().trim().min(1, "validation.required").max(MAX_NOTE_LENGTH),
  }),
  async handler(ctx, input) {
    const dispute = await lockDispute(ctx.tx, eq(disputes.id, input.disputeId));
    const buyerShareMinor = parseBuyerShare(dispute, input.outcome, input.buyerShare, ctx.request.locale);
    const proposed = await proposeCase(ctx.tx, dispute, { outcome: input.outcome, buyerShareMinor, note: input.note }, { kind: "agent", userId: ctx.auth.user.id }, await now(ctx.tx));
    ctx.audit(`dispute:${dispute.id}`, { number: dispute.number, outcome: input.outcome, buyerShareMinor: proposed.buyerShareMinor.toString() }, dispute.organizationId);
    return { status: proposed.status };
  },
});

export const proposalResponse = z.object({ response: z.enum(["accept", "reject"], "validation.choice"), note: z.string().trim().max(MAX_NOTE_LENGTH).default("") });

/**
 * The factory or the buyer answers a proposal. Accepting leaves the case proposed for the agent to decide; rejecting
 * puts it back in progress. A note goes to the thread.
 */
export async function respondToProposal(tx: Transaction, dispute: Dispute, actor: CaseActor, response: "accept" | "reject", note: string) {
  if (dispute.status !== "proposed") throw new ActionError("dispute_no_proposal");
  const at = await now(tx);
  const status = response === "reject" ? nextStatus(dispute.status, "reject_proposal", { now: at }) : dispute.status;
  if (status !== dispute.status) await updateDispute(tx, dispute.id, { status }, at);
  if (note) {
    await tx.insert(disputeMessages).values({ disputeId: dispute.id, organizationId: dispute.organizationId, authorKind: actor.kind, authorUserId: actor.userId, body: note, at });
  }
  await recordEvent(tx, dispute, {
    kind: response === "accept" ? "proposal_accepted" : "proposal_rejected",
    actor,
    at,
    fromStatus: dispute.status,
    toStatus: status,
    details: { outcome: dispute.proposedOutcome, note: note || null },
  });
  return { status };
}

export const factoryProposalResponseAction = defineAction({
  name: "disputes.factoryRespondToProposal",
  access: { kind: "org", roles: MONEY_ROLES },
  input: proposalResponse.extend({ org: z.string(), disputeId: z.uuid() }),
  async handler(ctx, input) {
    const dispute = await lockOrganizationDispute(ctx.tx, ctx.organization.id, input.disputeId);
    const result = await respondToProposal(ctx.tx, dispute, { kind: "factory", userId: ctx.auth.user.id }, input.response, input.note);
    ctx.audit(`dispute:${dispute.id}`, { number: dispute.number, response: input.response });
    return result;
  },
});
