"use server";

import { changePasswordAction, revokeSessionAction, signOutEverywhereAction } from "@/lib/server/account/sessions";
import {
  confirmTotpEnrollmentAction,
  disableTotpAction,
  regenerateRecoveryCodesAction,
  startTotpEnrollmentAction,
  stepUpAction,
} from "@/lib/server/account/two-factor";
import { runAction } from "@/lib/server/guard/run-action";

export async function signOutEverywhere(input: unknown) {
  return runAction(signOutEverywhereAction, input);
}

export async function revokeSession(input: unknown) {
  return runAction(revokeSessionAction, input);
}

export async function changePassword(input: unknown) {
  return runAction(changePasswordAction, input);
}

export async function startTotpEnrollment(input: unknown) {
  return runAction(startTotpEnrollmentAction, input);
}

export async function confirmTotpEnrollment(input: unknown) {
  return runAction(confirmTotpEnrollmentAction, input);
}

export async function disableTotp(input: unknown) {
  return runAction(disableTotpAction, input);
}

export async function regenerateRecoveryCodes(input: unknown) {
  return runAction(regenerateRecoveryCodesAction, input);
}

export async function stepUp(input: unknown) {
  return runAction(stepUpAction, input);
}
