"use server";

import { requestPasswordResetAction, resetPasswordAction } from "@/lib/server/auth/password-reset";
import { signUpAction } from "@/lib/server/auth/sign-up";
import { resendVerificationAction, verifyEmailAction } from "@/lib/server/auth/verify-email";
import { runAction } from "@/lib/server/guard/run-action";

export async function signUp(input: unknown) {
  return runAction(signUpAction, input);
}

export async function verifyEmail(input: unknown) {
  return runAction(verifyEmailAction, input);
}

export async function resendVerification(input: unknown) {
  return runAction(resendVerificationAction, input);
}

export async function requestPasswordReset(input: unknown) {
  return runAction(requestPasswordResetAction, input);
}

export async function resetPassword(input: unknown) {
  return runAction(resetPasswordAction, input);
}
