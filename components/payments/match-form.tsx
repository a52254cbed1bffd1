"use client";

import { useMemo, useState, type ChangeEvent } from "react";
import { useTranslations } from "next-intl";
import { matchPayment } from "@/app/actions/matching";
import { ActionForm, type FormValues } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormField } from "@/components/ui/field";
import { Checkbox, Input } from "@/components/ui/input";
import { type CollectionFeeTerms, matchFeePreview } from "@/lib/domain/collections";
import { parseAmount } from "@/lib/domain/money";
import { MatchFeePreview } from "./match-fee-preview";

/** What prices the match, for showing its fee before it is confirmed. */
export interface MatchFeeInputs {
  /** The organization's terms now, with the invoice buyer's country. */
  terms: CollectionFeeTerms;
  /** What each unpaid instalment of the invoice still owes, oldest first (invoice currency). */
  instalmentsOutstandingMinor: bigint[];
  /** What the payment has left to apply. */
  unappliedMinor: bigint;
}

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
  fee: MatchFeeInputs;
}

interface Typed {
  amount: string;
  invoiceAmount: string;
  bankCharges: string;
  remainderToCredit: boolean;
}

const optional = (text: string, currency: string) => {
  if (text.trim() === "") return { ok: true as const, amountMinor: undefined };
  const parsed = parseAmount(text, currency);
  return parsed.ok ? { ok: true as const, amountMinor: parsed.amountMinor } : { ok: false as const };
};

/**
 * One click matches the payment to the invoice with the pre-filled amount; the fields allow changing it first. The
 * fee it will charge (and what reaches the available balance) is worked out as the person types, the way the match
 * will post it.
 */
export function MatchForm({ org, paymentId, invoiceId, paymentCurrency, invoiceCurrency, amount, bankCharges = "", label, fee }: MatchFormProps) {
  const t = useTranslations("matching.match");
  const crossCurrency = paymentCurrency !== invoiceCurrency;
  const [typed, setTyped] = useState<Typed>({ amount, invoiceAmount: "", bankCharges, remainderToCredit: false });
  const preview = useMemo(() => {
    const parsed = parseAmount(typed.amount, paymentCurrency);
    const invoiceAmount = optional(typed.invoiceAmount, invoiceCurrency);
    const charges = optional(typed.bankCharges, invoiceCurrency);
    if (!parsed.ok || !invoiceAmount.ok || !charges.ok || parsed.amountMinor > fee.unappliedMinor) return null;
    const shown = matchFeePreview(fee.terms, paymentCurrency, fee.instalmentsOutstandingMinor, {
      amountMinor: parsed.amountMinor,
      invoiceAmountMinor: crossCurrency ? invoiceAmount.amountMinor : undefined,
      bankChargesMinor: charges.amountMinor,
      sameCurrency: !crossCurrency,
    });
    if (!shown || !typed.remainderToCredit) return shown;
    return { ...shown, creditMinor: shown.creditMinor + fee.unappliedMinor - parsed.amountMinor };
  }, [typed, fee, paymentCurrency, invoiceCurrency, crossCurrency]);

  function read(event: ChangeEvent<HTMLFormElement>) {
    const form = event.currentTarget;
    const text = (name: string) => {
      const element = form.elements.namedItem(name);
      return element instanceof HTMLInputElement ? element.value : "";
    };
    const box = form.elements.namedItem("remainderToCredit");
    setTyped({
      amount: text("amount"),
      invoiceAmount: text("invoiceAmount"),
      bankCharges: text("bankCharges"),
      remainderToCredit: box instanceof HTMLInputElement && box.checked,
    });
  }

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
      onChange={read}
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
      <MatchFeePreview preview={preview} currency={paymentCurrency} />
      <div className="flex flex-col gap-2 sm:col-span-3 sm:flex-row sm:items-center sm:justify-between">
        <Checkbox name="remainderToCredit" label={t("remainderToCredit")} />
        <SubmitButton pendingText={t("submitting")}>{t("submit")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
