"use client";

import { useTranslations } from "next-intl";
import { updateDisputeSettings } from "@/app/actions/disputes";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormField } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

/** The escalation rules a platform admin sets: the amount that goes straight to L3, and the repeated-buyer rule. */
export function DisputeSettingsForm({ amountThreshold, repeatedBuyerCases, repeatedBuyerDays }: { amountThreshold: string; repeatedBuyerCases: number; repeatedBuyerDays: number }) {
  const t = useTranslations("disputes.admin.settings");
  return (
    <ActionForm action={updateDisputeSettings} successMessage={t("saved")} className="grid gap-4 sm:grid-cols-3">
      <FormField name="amountThreshold" label={t("amountThreshold")} hint={t("amountThresholdHint")} required>
        <Input inputMode="decimal" defaultValue={amountThreshold} autoComplete="off" trailing="CNY" />
      </FormField>
      <FormField name="repeatedBuyerCases" label={t("repeatedBuyerCases")} hint={t("repeatedBuyerCasesHint")} required>
        <Input inputMode="numeric" defaultValue={String(repeatedBuyerCases)} autoComplete="off" />
      </FormField>
      <FormField name="repeatedBuyerDays" label={t("repeatedBuyerDays")} hint={t("repeatedBuyerDaysHint")} required>
        <Input inputMode="numeric" defaultValue={String(repeatedBuyerDays)} autoComplete="off" />
      </FormField>
      <div className="sm:col-span-3">
        <SubmitButton>{t("submit")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
