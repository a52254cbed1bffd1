"use client";

import { useTranslations } from "next-intl";
import { setReminderSettings } from "@/app/actions/reminders";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormField } from "@/components/ui/field";
import { Checkbox, Input } from "@/components/ui/input";

export interface ReminderSettingsValues {
  enabled: boolean;
  daysBefore: readonly number[];
  onDueDate: boolean;
  daysAfter: readonly number[];
}

/** When buyers are reminded: on or off, days before, on the due date, days after (day lists typed as "3, 14"). */
export function ReminderSettingsForm({ org, values }: { org: string; values: ReminderSettingsValues }) {
  const t = useTranslations("collections.reminders");
  return (
    <ActionForm action={setReminderSettings} hidden={{ org }} successMessage={t("saved")} className="max-w-xl">
      <Checkbox name="enabled" label={t("enabled")} defaultChecked={values.enabled} />
      <FormField name="daysBefore" label={t("daysBefore")} hint={t("daysBeforeHint")}>
        <Input defaultValue={values.daysBefore.join(", ")} inputMode="numeric" autoComplete="off" />
      </FormField>
      <Checkbox name="onDueDate" label={t("onDueDate")} defaultChecked={values.onDueDate} />
      <FormField name="daysAfter" label={t("daysAfter")} hint={t("daysAfterHint")}>
        <Input defaultValue={values.daysAfter.join(", ")} inputMode="numeric" autoComplete="off" />
      </FormField>
      <div>
        <SubmitButton pendingText={t("saving")}>{t("save")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
