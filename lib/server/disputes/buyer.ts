import { eq } from "drizzle-orm";
import { z } from "zod";
import { disputes } from "@/db/schema";
import { now } from "../clock";
import { ActionError } from "../guard/action-error";
import { defineAction } from "../guard/define-action";
import { buyerTokenInput, disputeByBuyerToken, lockBuyerDispute } from "./buyer-link";
import type { CaseActor } from "./case";
import { lockCaseForSettlement, MAX_NOTE_LENGTH, settleCase } from "./decide";
import { messageBody, postMessage } from "./messages";
import { proposalResponse, respondToProposal } from "./proposal";

/**
 * The buyer's side, through its link and without an account. Every action carries only the token: it reaches the
 * one case the token opens and nothing else, so no input can point it at another case.
 */
const BUYER: CaseActor = { kind: "buyer", userId: null };

export const buyerMessageAction = defineAction({
  name: "disputes.buyerMessage",
  access: { kind: "public" },
  input: z.object({ token: buyerTokenInput, body: messageBody }),
  async handler(ctx, input) {
    const dispute = await lockBuyerDispute(ctx.tx, input.token);
    const { messageId, dispute: updated } = await postMessage(ctx.tx, dispute, BUYER, input.body);
    ctx.audit(`dispute:${dispute.id}`, { number: dispute.number, messageId, length: input.body.length }, dispute.organizationId);
    return { messageId, status: updated.status };
  },
});

export const buyerProposalResponseAction = defineAction({
  name: "disputes.buyerRespondToProposal",
  access: { kind: "public" },
  input: proposalResponse.extend({ token: buyerTokenInput }),
  async handler(ctx, input) {
    const dispute = await lockBuyerDispute(ctx.tx, input.token);
    const result = await respondToProposal(ctx.tx, dispute, BUYER, input.response, input.note);
    ctx.audit(`dispute:${dispute.id}`, { number: dispute.number, response: input.response }, dispute.organizationId);
    return result;
  },
});

/** The buyer withdraws its claim: the case ends as withdrawn and the factory's reserve is released. */
export const buyerWithdrawAction = defineAction({
  name: "disputes.buyerWithdraw",
  access: { kind: "public" },
  input: z.object({ token: buyerTokenInput, reason: z.string().trim().min(1, "validation.required").max(MAX_NOTE_LENGTH) }),
  async handler(ctx, input) {
    const found = await disputeByBuyerToken(ctx.tx, input.token);
    if (!found) throw new ActionError("not_found");
    const dispute = await lockCaseForSettlement(ctx.tx, eq(disputes.id, found.id));
    const at = await now(ctx.tx);
    const { dispute: withdrawn, entryId } = await settleCase(ctx.tx, dispute, { outcome: "withdrawn", note: input.reason, actor: BUYER, decidedBy: null, locale: ctx.request.locale }, at);
    ctx.audit(`dispute:${dispute.id}`, { number: dispute.number, outcome: "withdrawn", entryId }, dispute.organizationId);
    return { status: withdrawn.status };
  },
});
