"use client";

import { useTranslations } from "next-intl";
import { acceptInvitation } from "@/app/actions/organization";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";

export function AcceptInvitationForm({ token }: { token: string }) {
  const t = useTranslations("auth.invitation");
  return (
    <ActionForm action={acceptInvitation} hidden={{ token }} redirectTo={(data) => `/o/${data.slug}`}>
      <SubmitButton fullWidth>{t("accept")}</SubmitButton>
    </ActionForm>
  );
}
