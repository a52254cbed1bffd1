"use client";

import { useTranslations } from "next-intl";
import { matchPayment } from "@/app/actions/matching";
import { ActionForm, type FormValues } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormField } from "@/components/ui/field";
import { Checkbox, Input } from "@/components/ui/input";

export interface MatchFormProps {
  org: string;
  paymentId: string;
  invoiceId: string;
  paymentCurrency: string;
  invoiceCurrency: string;
  /** Pre-filled decimal amounts. */
  amount: string;
  bankCharges?: string;
  label: string;
}

/** One click matches the payment to the invoice with the pre-filled amount; the fields allow changing it first. */
export function MatchForm({ org, paymentId, invoiceId, paymentCurrency, invoiceCurrency, amount, bankCharges = "", label }: MatchFormProps) {
  const t = useTranslations("matching.match");
  const crossCurrency = paymentCurrency !== invoiceCurrency;
  return (
    <ActionForm
      action={matchPayment}
      hidden={{ org, paymentId }}
      transform={(values: FormValues) => ({
        org: values.org,
        paymentId: values.paymentId,
        allocations: [{ invoiceId, amount: values.amount, invoiceAmount: values.invoiceAmount ?? "", bankCharges: values.bankCharges ?? "" }],
        remainderToCredit: values.remainderToCredit === true,
      })}
      successMessage={t("done")}
      className="grid gap-3 sm:grid-cols-3 sm:items-end"
      aria-label={label}
    >
      <FormField name="allocations.0.amount" label={t("amount", { currency: paymentCurrency })}>
        <Input name="amount" inputMode="decimal" defaultValue={amount} autoComplete="off" />
      </FormField>
      {crossCurrency ? (
        <FormField name="allocations.0.invoiceAmount" label={t("invoiceAmount", { currency: invoiceCurrency })} hint={t("invoiceAmountHint")} required>
          <Input name="invoiceAmount" inputMode="decimal" autoComplete="off" />
        </FormField>
      ) : null}
      <FormField name="allocations.0.bankCharges" label={t("bankCharges", { currency: invoiceCurrency })} hint={t("bankChargesHint")}>
        <Input name="bankCharges" inputMode="decimal" defaultValue={bankCharges} autoComplete="off" />
      </FormField>
      <div className="flex flex-col gap-2 sm:col-span-3 sm:flex-row sm:items-center sm:justify-between">
        <Checkbox name="remainderToCredit" label={t("remainderToCredit")} />
        <SubmitButton pendingText={t("submitting")}>{t("submit")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
