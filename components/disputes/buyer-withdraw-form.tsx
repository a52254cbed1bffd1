"use client";

import { useTranslations } from "next-intl";
import { withdrawAsBuyer } from "@/app/actions/disputes";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormField } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";

/** The buyer withdraws its claim: the case ends and the held money is released to the seller. */
export function BuyerWithdrawForm({ token }: { token: string }) {
  const t = useTranslations("disputes.buyer.withdraw");
  return (
    <ActionForm action={withdrawAsBuyer} hidden={{ token }} successMessage={t("done")} data-testid="buyer-withdraw">
      <FormField name="reason" label={t("reason")} required>
        <Textarea rows={2} maxLength={1000} />
      </FormField>
      <div>
        <SubmitButton variant="danger">{t("submit")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
