"use client";

import { useTranslations } from "next-intl";
import { enterFxRate, setFxPricing } from "@/app/actions/fx";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormField } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

/** A platform admin's rate entered by hand: 1 base = rate quote, as of now or a given moment. */
export function RateEntryForm({ currencies }: { currencies: string[] }) {
  const t = useTranslations("fx.admin");
  const options = currencies.map((code) => ({ value: code, label: code }));
  return (
    <ActionForm action={enterFxRate} successMessage={t("saved")} resetOnSuccess className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5 lg:items-end">
      <FormField name="base" label={t("base")} required>
        <Select options={options} defaultValue="USD" />
      </FormField>
      <FormField name="quote" label={t("quoteCurrency")} required>
        <Select options={options} defaultValue="CNY" />
      </FormField>
      <FormField name="rate" label={t("rate")} required>
        <Input inputMode="decimal" autoComplete="off" />
      </FormField>
      <FormField name="asOf" label={t("asOf")} optional>
        <Input type="datetime-local" />
      </FormField>
      <div>
        <SubmitButton variant="secondary">{t("save")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

export interface TierRow {
  from: string;
  spreadBps: string;
  feeBps: string;
}

/** An organization's spread and fee per amount tier; rows left empty are dropped. */
export function PricingForm({ organizationId, name, tiers }: { organizationId: string; name: string; tiers: TierRow[] }) {
  const t = useTranslations("fx.admin");
  const rows = [...tiers, ...Array.from({ length: Math.max(0, 4 - tiers.length) }, () => ({ from: "", spreadBps: "", feeBps: "" }))];
  return (
    <ActionForm action={setFxPricing} hidden={{ organizationId }} successMessage={t("pricingSaved")} className="flex flex-col gap-3">
      <p className="text-sm text-slate-600">{t("tiersHint")}</p>
      {rows.map((row, index) => (
        <div key={index} className="grid gap-3 sm:grid-cols-[5rem_1fr_1fr_1fr] sm:items-end">
          <p className="text-sm font-medium text-slate-700">{t("tierLabel", { n: index + 1 })}</p>
          <FormField name={`tiers.${index}.from`} label={`${name} · ${t("tierLabel", { n: index + 1 })}: ${t("tierFrom")}`} hideLabel={index > 0}>
            <Input inputMode="decimal" defaultValue={row.from} trailing="CNY" />
          </FormField>
          <FormField name={`tiers.${index}.spreadBps`} label={`${name} · ${t("tierLabel", { n: index + 1 })}: ${t("tierSpread")}`} hideLabel={index > 0}>
            <Input inputMode="numeric" defaultValue={row.spreadBps} trailing="bp" />
          </FormField>
          <FormField name={`tiers.${index}.feeBps`} label={`${name} · ${t("tierLabel", { n: index + 1 })}: ${t("tierFee")}`} hideLabel={index > 0}>
            <Input inputMode="numeric" defaultValue={row.feeBps} trailing="bp" />
          </FormField>
        </div>
      ))}
      <div>
        <SubmitButton variant="secondary">{t("savePricing")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
