"use client";

import { useLocale, useTranslations } from "next-intl";
import { signUp } from "@/app/actions/auth";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormField } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

/** New factory sign-up, or, with an invitation token, joining the inviting organization. */
export function SignUpForm({ invitation }: { invitation?: { token: string; email: string } }) {
  const t = useTranslations("auth.signUp");
  const locale = useLocale();
  return (
    <ActionForm
      action={signUp}
      hidden={{ locale, invitationToken: invitation?.token ?? "", email: invitation?.email }}
      redirectTo={(data) => (data.verified ? "/sign-in?joined=1" : `/check-email?email=${encodeURIComponent(data.email)}`)}
    >
      <FormField label={t("name")} name="name" required>
        <Input autoComplete="name" />
      </FormField>
      {invitation ? (
        <FormField label={t("email")} name="email">
          <Input type="email" value={invitation.email} readOnly />
        </FormField>
      ) : (
        <>
          <FormField label={t("email")} name="email" required>
            <Input type="email" autoComplete="email" />
          </FormField>
          <FormField label={t("companyName")} name="companyName" hint={t("companyNameHint")} required>
            <Input autoComplete="organization" />
          </FormField>
        </>
      )}
      <FormField label={t("password")} name="password" hint={t("passwordHint")} required>
        <Input type="password" autoComplete="new-password" />
      </FormField>
      <SubmitButton fullWidth>{invitation ? t("submitInvited") : t("submit")}</SubmitButton>
    </ActionForm>
  );
}
