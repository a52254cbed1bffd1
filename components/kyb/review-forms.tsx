"use client";

import { useTranslations } from "next-intl";
import { approveKybApplication, rejectKybApplication, requestKybInformation, startKybReview, updateKybRiskPolicy, updateTierLimits } from "@/app/actions/kyb";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormField } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { REQUESTABLE_FIELDS } from "@/lib/domain/kyb/fields";

export function StartReviewForm({ applicationId }: { applicationId: string }) {
  const t = useTranslations("kyb.review");
  return (
    <ActionForm action={startKybReview} hidden={{ applicationId }}>
      <div>
        <SubmitButton>{t("startReview")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

export function ApproveForm({ applicationId, tiers }: { applicationId: string; tiers: { value: string; label: string }[] }) {
  const t = useTranslations("kyb.review");
  return (
    <ActionForm
      action={approveKybApplication}
      hidden={{ applicationId }}
      successMessage={(data: { status: string }) => (data.status === "approved" ? t("approved") : t("voted"))}
    >
      <FormField name="tier" label={t("approveTier")} required>
        <Select options={tiers} defaultValue="standard" />
      </FormField>
      <FormField name="comment" label={t("approveComment")} optional>
        <Textarea rows={2} />
      </FormField>
      <div>
        <SubmitButton>{t("approve")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

export function RejectForm({ applicationId }: { applicationId: string }) {
  const t = useTranslations("kyb.review");
  return (
    <ActionForm action={rejectKybApplication} hidden={{ applicationId }} successMessage={t("rejected")}>
      <FormField name="reason" label={t("rejectReason")} required>
        <Textarea rows={3} />
      </FormField>
      <div>
        <SubmitButton variant="danger">{t("reject")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

const REQUEST_ROWS = 3;

export function RequestInfoForm({ applicationId }: { applicationId: string }) {
  const t = useTranslations("kyb.review");
  const fields = useTranslations("kyb.fields");
  const options = REQUESTABLE_FIELDS.map((value) => ({ value, label: fields(value) }));
  return (
    <ActionForm action={requestKybInformation} hidden={{ applicationId }} successMessage={t("requested")}>
      {Array.from({ length: REQUEST_ROWS }, (_, index) => (
        <div key={index} className="grid gap-3 sm:grid-cols-[16rem_1fr]" data-testid={`request-row-${index}`}>
          <FormField name={`items.${index}.field`} label={`${t("requestField")} ${index + 1}`}>
            <Select options={options} placeholder={t("chooseField")} defaultValue="" />
          </FormField>
          <FormField name={`items.${index}.comment`} label={`${t("requestComment")} ${index + 1}`}>
            <Input />
          </FormField>
        </div>
      ))}
      <FormField name="comment" label={t("requestOverall")} optional>
        <Textarea rows={2} />
      </FormField>
      <div>
        <SubmitButton variant="secondary">{t("requestInfo")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

export function TierLimitsForm({ tier, label, dailyPayout, dailyConversion }: { tier: string; label: string; dailyPayout: string; dailyConversion: string }) {
  const t = useTranslations("kyb.settings");
  return (
    <ActionForm action={updateTierLimits} hidden={{ tier }} successMessage={t("saved")} className="grid gap-3 sm:grid-cols-[8rem_1fr_1fr_auto] sm:items-end">
      <p className="text-sm font-semibold text-slate-900">{label}</p>
      <FormField name="dailyPayout" label={`${label}: ${t("dailyPayout")}`}>
        <Input inputMode="decimal" defaultValue={dailyPayout} trailing="CNY" />
      </FormField>
      <FormField name="dailyConversion" label={`${label}: ${t("dailyConversion")}`}>
        <Input inputMode="decimal" defaultValue={dailyConversion} trailing="CNY" />
      </FormField>
      <SubmitButton variant="secondary">{t("save")}</SubmitButton>
    </ActionForm>
  );
}

export function RiskPolicyForm({ volumeThreshold, highRiskCountries }: { volumeThreshold: string; highRiskCountries: string }) {
  const t = useTranslations("kyb.settings");
  return (
    <ActionForm action={updateKybRiskPolicy} successMessage={t("saved")}>
      <FormField name="volumeThreshold" label={t("volumeThreshold")} required>
        <Input inputMode="decimal" defaultValue={volumeThreshold} trailing="CNY" />
      </FormField>
      <FormField name="highRiskCountries" label={t("highRiskCountries")} hint={t("highRiskCountriesHint")}>
        <Input defaultValue={highRiskCountries} className="uppercase" />
      </FormField>
      <div>
        <SubmitButton variant="secondary">{t("save")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
