"use client";

import { useTranslations } from "next-intl";
import { saveExposureSettings } from "@/app/actions/exposure";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormField } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

export type MarginBasisChoice = "none" | "target_margin" | "cost_base";

export interface MarginSettingsDefaults {
  basis: MarginBasisChoice;
  targetMargin: string;
  costBase: string;
}

/** The margin basis: none, a target margin in percent, or a CNY cost base; the chosen one is saved, the other cleared. */
export function MarginSettingsForm({ org, defaults }: { org: string; defaults: MarginSettingsDefaults }) {
  const t = useTranslations("exposure.settings");
  const choices: { value: MarginBasisChoice; label: string }[] = [
    { value: "target_margin", label: t("targetMargin") },
    { value: "cost_base", label: t("costBase") },
    { value: "none", label: t("none") },
  ];
  return (
    <ActionForm action={saveExposureSettings} hidden={{ org }} successMessage={t("saved")} className="grid gap-4 sm:grid-cols-2">
      <fieldset className="flex flex-col gap-1.5 sm:col-span-2">
        <legend className="text-sm font-medium text-slate-800">{t("basis")}</legend>
        <div className="flex flex-wrap gap-x-5 gap-y-2 pt-1 text-sm text-slate-800">
          {choices.map((choice) => (
            <label key={choice.value} className="flex items-center gap-2">
              <input type="radio" name="basis" value={choice.value} defaultChecked={defaults.basis === choice.value} className="size-4 accent-teal-700" />
              {choice.label}
            </label>
          ))}
        </div>
      </fieldset>
      <FormField name="targetMargin" label={t("targetMarginLabel")} hint={t("targetMarginHint")}>
        <Input inputMode="decimal" defaultValue={defaults.targetMargin} autoComplete="off" trailing="%" />
      </FormField>
      <FormField name="costBase" label={t("costBaseLabel")} hint={t("costBaseHint")}>
        <Input inputMode="decimal" defaultValue={defaults.costBase} autoComplete="off" trailing="CNY" />
      </FormField>
      <div className="sm:col-span-2">
        <SubmitButton pendingText={t("submitting")}>{t("submit")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
