"use client";

import { useTranslations } from "next-intl";
import { requestPasswordReset, resendVerification, resetPassword, verifyEmail } from "@/app/actions/auth";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormField } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

export function VerifyEmailForm({ token }: { token: string }) {
  const t = useTranslations("auth.verifyEmail");
  return (
    <ActionForm action={verifyEmail} hidden={{ token }} redirectTo="/sign-in?verified=1">
      <SubmitButton fullWidth>{t("submit")}</SubmitButton>
    </ActionForm>
  );
}

export function ResendVerificationForm({ email }: { email: string }) {
  const t = useTranslations("auth.checkEmail");
  return (
    <ActionForm action={resendVerification} hidden={{ email }} successMessage={t("resent")} refresh={false}>
      <SubmitButton variant="secondary">{t("resend")}</SubmitButton>
    </ActionForm>
  );
}

export function ForgotPasswordForm() {
  const t = useTranslations("auth.forgotPassword");
  return (
    <ActionForm action={requestPasswordReset} successMessage={t("sent")} resetOnSuccess refresh={false}>
      <FormField label={t("email")} name="email" required>
        <Input type="email" autoComplete="email" />
      </FormField>
      <SubmitButton fullWidth>{t("submit")}</SubmitButton>
    </ActionForm>
  );
}

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("auth.resetPassword");
  return (
    <ActionForm action={resetPassword} hidden={{ token }} redirectTo="/sign-in?reset=1">
      <FormField label={t("password")} name="password" hint={t("hint")} required>
        <Input type="password" autoComplete="new-password" />
      </FormField>
      <SubmitButton fullWidth>{t("submit")}</SubmitButton>
    </ActionForm>
  );
}
