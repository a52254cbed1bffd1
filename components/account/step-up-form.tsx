"use client";

import { useTranslations } from "next-intl";
import { stepUp } from "@/app/actions/account";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormField } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

/** Asks for a fresh authenticator code before actions that move money or change who may do so. */
export function StepUpForm() {
  const t = useTranslations("account.stepUp");
  return (
    <ActionForm action={stepUp} className="flex flex-row flex-wrap items-end gap-3" resetOnSuccess>
      <FormField label={t("code")} name="code" className="w-40">
        <Input inputMode="numeric" autoComplete="one-time-code" />
      </FormField>
      <SubmitButton variant="secondary">{t("submit")}</SubmitButton>
    </ActionForm>
  );
}
