"use client";

import { useTranslations } from "next-intl";
import { refundBuyerCredit } from "@/app/actions/refunds";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormField } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

export interface RefundableCurrency {
  currency: string;
  /** The refundable credit, formatted for the currency list. */
  label: string;
}

/** Currency, amount, who receives it and the reference: sends the refund, then shows the new credit. */
export function RefundForm({ org, buyerId, buyerName, currencies }: { org: string; buyerId: string; buyerName: string; currencies: RefundableCurrency[] }) {
  const t = useTranslations("refunds.form");
  return (
    <ActionForm action={refundBuyerCredit} hidden={{ org, buyerId }} successMessage={t("sent")} resetOnSuccess className="grid gap-4 sm:grid-cols-2">
      <FormField name="currency" label={t("currency")} required>
        <Select options={currencies.map(({ currency, label }) => ({ value: currency, label: `${currency} · ${label}` }))} defaultValue={currencies[0]?.currency} />
      </FormField>
      <FormField name="amount" label={t("amount")} hint={t("amountHint")} required>
        <Input inputMode="decimal" autoComplete="off" />
      </FormField>
      <FormField name="beneficiaryName" label={t("beneficiaryName")} required>
        <Input defaultValue={buyerName} autoComplete="off" />
      </FormField>
      <FormField name="beneficiaryAccount" label={t("beneficiaryAccount")} hint={t("beneficiaryAccountHint")} required>
        <Input autoComplete="off" spellCheck={false} />
      </FormField>
      <FormField name="beneficiaryBank" label={t("beneficiaryBank")} required>
        <Input autoComplete="off" />
      </FormField>
      <FormField name="reference" label={t("reference")} optional>
        <Input autoComplete="off" maxLength={140} />
      </FormField>
      <div className="sm:col-span-2">
        <SubmitButton pendingText={t("submitting")}>{t("submit")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
