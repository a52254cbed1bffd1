"use server";

import { runAction } from "@/lib/server/guard/run-action";
import { approvePayoutAction, cancelPayoutAction } from "@/lib/server/payouts/decide";
import { previewPayoutAction, requestPayoutAction } from "@/lib/server/payouts/request";
import { sandboxPayoutOutcomeAction } from "@/lib/server/payouts/sandbox-control";
import { updatePayoutSettingsAction } from "@/lib/server/payouts/settings";

export async function previewPayout(input: unknown) {
  return runAction(previewPayoutAction, input);
}

export async function requestPayout(input: unknown) {
  return runAction(requestPayoutAction, input);
}

export async function approvePayout(input: unknown) {
  return runAction(approvePayoutAction, input);
}

export async function cancelPayout(input: unknown) {
  return runAction(cancelPayoutAction, input);
}

export async function setPayoutOutcomeInSandbox(input: unknown) {
  return runAction(sandboxPayoutOutcomeAction, input);
}

export async function updatePayoutSettings(input: unknown) {
  return runAction(updatePayoutSettingsAction, input);
}
