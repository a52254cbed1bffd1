"use server";

import { assignDisputeAction, claimDisputeAction, escalateDisputeAction } from "@/lib/server/disputes/agents";
import { buyerMessageAction, buyerProposalResponseAction, buyerWithdrawAction } from "@/lib/server/disputes/buyer";
import { rotateBuyerLinkAction } from "@/lib/server/disputes/buyer-link";
import { closeDisputeAction, decideDisputeAction } from "@/lib/server/disputes/decide";
import { agentMessageAction, factoryMessageAction } from "@/lib/server/disputes/messages";
import { openDisputeAction } from "@/lib/server/disputes/open";
import { factoryProposalResponseAction, proposeResolutionAction } from "@/lib/server/disputes/proposal";
import { createSavedReplyAction, deleteSavedReplyAction, updateSavedReplyAction } from "@/lib/server/disputes/saved-replies";
import { updateDisputeSettingsAction } from "@/lib/server/disputes/settings";
import { runAction } from "@/lib/server/guard/run-action";

export async function openDispute(input: unknown) {
  return runAction(openDisputeAction, input);
}

export async function postFactoryMessage(input: unknown) {
  return runAction(factoryMessageAction, input);
}

export async function respondToProposalAsFactory(input: unknown) {
  return runAction(factoryProposalResponseAction, input);
}

export async function rotateBuyerLink(input: unknown) {
  return runAction(rotateBuyerLinkAction, input);
}

export async function postBuyerMessage(input: unknown) {
  return runAction(buyerMessageAction, input);
}

export async function respondToProposalAsBuyer(input: unknown) {
  return runAction(buyerProposalResponseAction, input);
}

export async function withdrawAsBuyer(input: unknown) {
  return runAction(buyerWithdrawAction, input);
}

export async function claimDispute(input: unknown) {
  return runAction(claimDisputeAction, input);
}

export async function assignDispute(input: unknown) {
  return runAction(assignDisputeAction, input);
}

export async function postAgentMessage(input: unknown) {
  return runAction(agentMessageAction, input);
}

export async function escalateDispute(input: unknown) {
  return runAction(escalateDisputeAction, input);
}

export async function proposeResolution(input: unknown) {
  return runAction(proposeResolutionAction, input);
}

export async function decideDispute(input: unknown) {
  return runAction(decideDisputeAction, input);
}

export async function closeDispute(input: unknown) {
  return runAction(closeDisputeAction, input);
}

export async function createSavedReply(input: unknown) {
  return runAction(createSavedReplyAction, input);
}

export async function updateSavedReply(input: unknown) {
  return runAction(updateSavedReplyAction, input);
}

export async function deleteSavedReply(input: unknown) {
  return runAction(deleteSavedReplyAction, input);
}

export async function updateDisputeSettings(input: unknown) {
  return runAction(updateDisputeSettingsAction, input);
}
