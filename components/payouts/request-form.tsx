"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { previewPayout, requestPayout } from "@/app/actions/payouts";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { FeeBreakdown } from "@/components/payouts/fee-breakdown";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { type CurrencyCode, formatMoney, type Locale, toDecimalString } from "@/lib/domain/money";
import { PAYOUT_SPEEDS } from "@/lib/domain/settlement/payout";
import type { previewPayoutAction } from "@/lib/server/payouts/request";

type Preview = Awaited<ReturnType<typeof previewPayoutAction.handler>>;

export interface PayoutCurrencyOption {
  currency: string;
  /** "CNY · ¥1,234.00 available", as the page formatted it. */
  label: string;
}

/**
 * Step one asks for currency, amount and speed and shows every fee, the net and whether an owner must approve;
 * step two confirms exactly that. Changing a field withdraws the preview, so what is confirmed is what was shown.
 */
export function PayoutRequestForm({ org, currencies, canConfirm }: { org: string; currencies: PayoutCurrencyOption[]; canConfirm: boolean }) {
  const t = useTranslations("payouts");
  const locale = useLocale() as Locale;
  const [preview, setPreview] = useState<Preview | null>(null);
  const money = (minor: string, currency: string) => formatMoney(BigInt(minor), currency as CurrencyCode, locale, { display: "code" });

  return (
    <div className="flex flex-col gap-6">
      <ActionForm action={previewPayout} hidden={{ org }} onSuccess={setPreview} refresh={false} onChange={() => setPreview(null)} className="grid gap-4 sm:grid-cols-2">
        <FormField name="currency" label={t("form.currency")} required>
          <Select options={currencies.map(({ currency, label }) => ({ value: currency, label }))} defaultValue={currencies[0]?.currency} />
        </FormField>
        <FormField name="amount" label={t("form.amount")} hint={t("form.amountHint")} required>
          <Input inputMode="decimal" autoComplete="off" />
        </FormField>
        <fieldset className="flex flex-col gap-2 sm:col-span-2">
          <legend className="text-sm font-medium text-slate-800">{t("form.speed")}</legend>
          <div className="grid gap-3 sm:grid-cols-2">
            {PAYOUT_SPEEDS.map((speed) => (
              <label key={speed} className="flex items-start gap-2 rounded-md border border-slate-200 p-3 text-sm text-slate-800 has-[:checked]:border-teal-600">
                <input type="radio" name="speed" value={speed} defaultChecked={speed === "standard"} className="mt-0.5 size-4 accent-teal-700" />
                <span>
                  <span className="block font-medium">{t(`form.${speed}`)}</span>
                  <span className="block text-slate-600">{t(`form.${speed}Hint`)}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="sm:col-span-2">
          <SubmitButton variant="secondary" pendingText={t("form.previewing")}>
            {t("form.preview")}
          </SubmitButton>
        </div>
      </ActionForm>

      {preview ? (
        <section aria-labelledby="payout-preview-title" aria-live="polite" className="flex flex-col gap-4 rounded-md border border-slate-200 p-4" data-testid="payout-preview">
          <h3 id="payout-preview-title" className="text-base font-semibold text-slate-900">
            {t("preview.title")}
          </h3>
          <FeeBreakdown
            currency={preview.currency}
            amountMinor={BigInt(preview.amountMinor)}
            fees={preview.lines.map((line) => ({ ...line, basisMinor: line.basisMinor === null ? null : BigInt(line.basisMinor), amountMinor: BigInt(line.amountMinor) }))}
            totalFeesMinor={BigInt(preview.feeMinor)}
            netMinor={BigInt(preview.netMinor)}
          />
          <p className="text-sm text-slate-700">
            {t("preview.destination", { bank: preview.bankName, ending: preview.accountEnding })}{" "}
            {preview.currency !== "CNY" ? t("preview.cnyEquivalent", { amount: money(preview.cnyEquivalentMinor, "CNY") }) : null}
          </p>
          <Alert tone={preview.approvalRequired ? "warning" : "info"}>
            {t(preview.approvalRequired ? "preview.approvalRequired" : "preview.noApproval", { threshold: money(preview.thresholdCnyMinor, "CNY") })}
          </Alert>
          <ActionForm
            action={requestPayout}
            hidden={{ org, currency: preview.currency, amount: toDecimalString(BigInt(preview.amountMinor), preview.currency as CurrencyCode), speed: preview.speed }}
            redirectTo={(data: { payoutId: string }) => `/o/${org}/payouts/${data.payoutId}`}
            className="flex flex-row flex-wrap items-center gap-3"
          >
            <SubmitButton pendingText={t("preview.confirming")} disabled={!canConfirm}>
              {t("preview.confirm")}
            </SubmitButton>
            <Button variant="ghost" onClick={() => setPreview(null)}>
              {t("preview.change")}
            </Button>
          </ActionForm>
        </section>
      ) : null}
    </div>
  );
}
