"use client";

import { useTranslations } from "next-intl";
import { keepPaymentAsCredit } from "@/app/actions/matching";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormField } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

/** Keeps (part of) the payment for one of the organization's buyers. */
export function KeepCreditForm({ org, paymentId, currency, amount, buyers, buyerId }: { org: string; paymentId: string; currency: string; amount: string; buyers: { id: string; name: string }[]; buyerId?: string | null }) {
  const t = useTranslations("matching.credit");
  return (
    <ActionForm action={keepPaymentAsCredit} hidden={{ org, paymentId }} successMessage={t("done")} className="grid gap-3 sm:grid-cols-3 sm:items-end">
      <FormField name="buyerId" label={t("buyer")} required>
        <Select options={buyers.map((buyer) => ({ value: buyer.id, label: buyer.name }))} defaultValue={buyerId ?? buyers[0]?.id} />
      </FormField>
      <FormField name="amount" label={t("amount", { currency })} required>
        <Input inputMode="decimal" defaultValue={amount} autoComplete="off" />
      </FormField>
      <div>
        <SubmitButton variant="secondary" pendingText={t("submitting")}>
          {t("submit")}
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
