"use client";

import { useTranslations } from "next-intl";
import { updatePayoutSettings } from "@/app/actions/payouts";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormField } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

export function ThresholdForm({ org, threshold, canSubmit }: { org: string; threshold: string; canSubmit: boolean }) {
  const t = useTranslations("payouts.settings");
  return (
    <ActionForm action={updatePayoutSettings} hidden={{ org }} successMessage={t("saved")} className="flex flex-col gap-4 sm:max-w-md">
      <FormField name="threshold" label={t("threshold")} hint={t("thresholdHint")} required>
        <Input inputMode="decimal" autoComplete="off" defaultValue={threshold} />
      </FormField>
      <div>
        <SubmitButton pendingText={t("saving")} disabled={!canSubmit}>
          {t("save")}
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
