"use client";

import { useTranslations } from "next-intl";
import { createOrganization } from "@/app/actions/organization";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormField } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

export function CreateOrganizationForm() {
  const t = useTranslations("organization.create");
  return (
    <ActionForm action={createOrganization} redirectTo={(data) => `/o/${data.slug}`} className="grid gap-4 sm:max-w-md">
      <FormField label={t("name")} name="name" hint={t("hint")} required>
        <Input autoComplete="organization" />
      </FormField>
      <SubmitButton>{t("submit")}</SubmitButton>
    </ActionForm>
  );
}
