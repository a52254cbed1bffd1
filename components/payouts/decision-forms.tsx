"use client";

import { useTranslations } from "next-intl";
import { approvePayout, cancelPayout, setPayoutOutcomeInSandbox } from "@/app/actions/payouts";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormField } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { PayoutStatus } from "@/lib/domain/settlement/payout";

/** The owner's approval of a payout above the threshold (the page shows it only to an owner who did not request it). */
export function ApprovePayoutForm({ org, payoutId, canSubmit }: { org: string; payoutId: string; canSubmit: boolean }) {
  const t = useTranslations("payouts.approval");
  return (
    <ActionForm action={approvePayout} hidden={{ org, payoutId }} successMessage={t("approved")}>
      <div>
        <SubmitButton pendingText={t("approving")} disabled={!canSubmit}>
          {t("approve")}
        </SubmitButton>
      </div>
    </ActionForm>
  );
}

export function CancelPayoutForm({ org, payoutId }: { org: string; payoutId: string }) {
  const t = useTranslations("payouts.cancel");
  return (
    <ActionForm action={cancelPayout} hidden={{ org, payoutId }} successMessage={t("done")}>
      <div>
        <SubmitButton variant="danger" pendingText={t("submitting")}>
          {t("submit")}
        </SubmitButton>
      </div>
    </ActionForm>
  );
}

/** Tells the sandbox bank to fail or return the payout, with its reason (shown only with the sandbox bank). */
export function SandboxOutcomeForm({ org, payoutId }: { org: string; payoutId: string }) {
  const t = useTranslations("payouts");
  return (
    <ActionForm
      action={setPayoutOutcomeInSandbox}
      hidden={{ org, payoutId }}
      successMessage={(data: { status: PayoutStatus }) => t("sandbox.done", { status: t(`statuses.${data.status}`) })}
      className="grid gap-4 sm:grid-cols-2"
    >
      <FormField name="outcome" label={t("sandbox.outcome")} required>
        <Select
          options={[
            { value: "failed", label: t("sandbox.failed") },
            { value: "returned", label: t("sandbox.returned") },
          ]}
          defaultValue="failed"
        />
      </FormField>
      <FormField name="reason" label={t("sandbox.reason")} required>
        <Input autoComplete="off" maxLength={200} placeholder={t("sandbox.reasonPlaceholder")} />
      </FormField>
      <div className="sm:col-span-2">
        <SubmitButton variant="secondary" pendingText={t("sandbox.submitting")}>
          {t("sandbox.submit")}
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
