"use client";

import { useTranslations } from "next-intl";
import { settleWithBankCharges, unmatchAllocation } from "@/app/actions/matching";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";

export function UnmatchButton({ org, allocationId }: { org: string; allocationId: string }) {
  const t = useTranslations("matching.allocations");
  return (
    <ActionForm action={unmatchAllocation} hidden={{ org, allocationId }} successMessage={t("unmatched")}>
      <SubmitButton variant="secondary" size="sm" pendingText={t("unmatching")}>
        {t("unmatch")}
      </SubmitButton>
    </ActionForm>
  );
}

export function SettleWithChargesButton({ org, paymentId, invoiceId }: { org: string; paymentId: string; invoiceId: string }) {
  const t = useTranslations("matching.charges");
  return (
    <ActionForm action={settleWithBankCharges} hidden={{ org, paymentId, invoiceId }} successMessage={t("done")}>
      <SubmitButton size="sm" pendingText={t("submitting")}>
        {t("submit")}
      </SubmitButton>
    </ActionForm>
  );
}
