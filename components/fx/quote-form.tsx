"use client";

import { useTranslations } from "next-intl";
import { requestFxQuote } from "@/app/actions/fx";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormField } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

export interface QuoteDefaults {
  sellCurrency: string;
  buyCurrency: string;
  side: "sell" | "buy";
  amount: string;
}

/** Sell and buy currencies, which side the amount is on, the amount: a new quote, then its page. */
export function QuoteForm({ org, currencies, defaults }: { org: string; currencies: string[]; defaults: QuoteDefaults }) {
  const t = useTranslations("fx.quote");
  const options = currencies.map((code) => ({ value: code, label: code }));
  return (
    <ActionForm action={requestFxQuote} hidden={{ org }} redirectTo={(data: { quoteId: string }) => `/o/${org}/fx?quote=${data.quoteId}`} className="grid gap-4 sm:grid-cols-2">
      <FormField name="sellCurrency" label={t("sell")} required>
        <Select options={options} defaultValue={defaults.sellCurrency} />
      </FormField>
      <FormField name="buyCurrency" label={t("buy")} required>
        <Select options={options} defaultValue={defaults.buyCurrency} />
      </FormField>
      <fieldset className="flex flex-col gap-1.5">
        <legend className="text-sm font-medium text-slate-800">{t("side")}</legend>
        <div className="flex flex-wrap gap-4 pt-1 text-sm text-slate-800">
          {(["sell", "buy"] as const).map((side) => (
            <label key={side} className="flex items-center gap-2">
              <input type="radio" name="side" value={side} defaultChecked={defaults.side === side} className="size-4 accent-teal-700" />
              {side === "sell" ? t("sideSell") : t("sideBuy")}
            </label>
          ))}
        </div>
      </fieldset>
      <FormField name="amount" label={t("amount")} hint={t("amountHint")} required>
        <Input inputMode="decimal" defaultValue={defaults.amount} autoComplete="off" />
      </FormField>
      <div className="sm:col-span-2">
        <SubmitButton pendingText={t("submitting")}>{t("submit")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
