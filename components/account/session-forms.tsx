"use client";

import { useTranslations } from "next-intl";
import { changePassword, revokeSession, signOutEverywhere } from "@/app/actions/account";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormField } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

export function ChangePasswordForm() {
  const t = useTranslations("account.password");
  return (
    <ActionForm action={changePassword} resetOnSuccess successMessage={t("changed")} className="grid gap-4 sm:max-w-md">
      <FormField label={t("current")} name="currentPassword" required>
        <Input type="password" autoComplete="current-password" />
      </FormField>
      <FormField label={t("new")} name="newPassword" hint={t("hint")} required>
        <Input type="password" autoComplete="new-password" />
      </FormField>
      <SubmitButton>{t("submit")}</SubmitButton>
    </ActionForm>
  );
}

export function RevokeSessionForm({ sessionId }: { sessionId: string }) {
  const t = useTranslations("account.sessions");
  return (
    <ActionForm action={revokeSession} hidden={{ sessionId }}>
      <SubmitButton size="sm" variant="ghost">
        {t("revoke")}
      </SubmitButton>
    </ActionForm>
  );
}

export function SignOutEverywhereForm() {
  const t = useTranslations("account.sessions");
  return (
    <ActionForm action={signOutEverywhere} redirectTo="/sign-in">
      <SubmitButton variant="danger">{t("signOutEverywhere")}</SubmitButton>
    </ActionForm>
  );
}
