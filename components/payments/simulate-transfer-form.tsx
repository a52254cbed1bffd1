"use client";

import { useTranslations } from "next-intl";
import { simulateIncomingTransfer } from "@/app/actions/matching";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormField } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

/** Sandbox only: a buyer's transfer reaches a collection account and is matched like a statement line. */
export function SimulateTransferForm({ org, currencies }: { org: string; currencies: string[] }) {
  const t = useTranslations("matching.simulate");
  return (
    <ActionForm
      action={simulateIncomingTransfer}
      hidden={{ org }}
      resetOnSuccess
      successMessage={(data: { matched: boolean }) => (data.matched ? t("matched") : t("unmatched"))}
      className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3"
      data-testid="simulate-transfer"
    >
      <FormField name="currency" label={t("currency")} required>
        <Select options={currencies.map((code) => ({ value: code, label: code }))} defaultValue={currencies.includes("USD") ? "USD" : currencies[0]} />
      </FormField>
      <FormField name="amount" label={t("amount")} required>
        <Input inputMode="decimal" autoComplete="off" />
      </FormField>
      <FormField name="charges" label={t("charges")}>
        <Input inputMode="decimal" autoComplete="off" />
      </FormField>
      <FormField name="payerName" label={t("payerName")}>
        <Input autoComplete="off" />
      </FormField>
      <FormField name="remittanceText" label={t("remittanceText")} hint={t("remittanceHint")} className="sm:col-span-2">
        <Input autoComplete="off" />
      </FormField>
      <div className="sm:col-span-2 lg:col-span-3">
        <SubmitButton pendingText={t("submitting")}>{t("submit")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
