"use server";

import { runAction } from "@/lib/server/guard/run-action";
import { keepAsCreditAction, matchPaymentAction, settleWithBankChargesAction, unmatchAction } from "@/lib/server/matching/match-actions";
import { simulateTransferAction } from "@/lib/server/matching/transfer-action";

export async function matchPayment(input: unknown) {
  return runAction(matchPaymentAction, input);
}

export async function keepPaymentAsCredit(input: unknown) {
  return runAction(keepAsCreditAction, input);
}

export async function unmatchAllocation(input: unknown) {
  return runAction(unmatchAction, input);
}

export async function settleWithBankCharges(input: unknown) {
  return runAction(settleWithBankChargesAction, input);
}

export async function simulateIncomingTransfer(input: unknown) {
  return runAction(simulateTransferAction, input);
}
