"use client";

import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import {
  answerKybInfoRequest,
  removeKybDocument,
  saveKybBankAccount,
  saveKybBeneficialOwners,
  saveKybCompany,
  saveKybLegalRepresentative,
  submitKybApplication,
} from "@/app/actions/kyb";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, FormField } from "@/components/ui/field";
import { Checkbox, Input, Textarea } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useUploadForm } from "@/components/uploads/use-upload-form";
import { DOCUMENT_KINDS, ID_TYPES, INDUSTRIES, MAX_BENEFICIAL_OWNERS, SETTLEMENT_CURRENCIES } from "@/lib/domain/kyb/fields";

type Values = Record<string, unknown> | null;
const str = (values: Values, key: string) => (typeof values?.[key] === "string" ? (values[key] as string) : "");

function SectionForm({
  action,
  org,
  next,
  editable,
  children,
}: {
  action: (input: unknown) => Promise<import("@/lib/server/guard/action-error").ActionResult<unknown>>;
  org: string;
  next: string;
  editable: boolean;
  children: ReactNode;
}) {
  const t = useTranslations("kyb");
  return (
    <ActionForm action={action} hidden={{ org }} redirectTo={`/o/${org}/onboarding?step=${next}`}>
      <fieldset disabled={!editable} className="flex flex-col gap-5">
        {children}
      </fieldset>
      {editable ? (
        <div>
          <SubmitButton>{t("saveAndContinue")}</SubmitButton>
        </div>
      ) : null}
    </ActionForm>
  );
}

export function CompanyForm({ org, values, editable }: { org: string; values: Values; editable: boolean }) {
  const t = useTranslations("kyb.company");
  const industries = useTranslations("kyb.industries");
  const currencies = Array.isArray(values?.currencies) ? (values.currencies as string[]) : [];
  const countries = Array.isArray(values?.buyerCountries) ? (values.buyerCountries as string[]).join(", ") : "";
  return (
    <SectionForm action={saveKybCompany} org={org} next="legalRepresentative" editable={editable}>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField name="legalNameZh" label={t("legalNameZh")} required>
          <Input defaultValue={str(values, "legalNameZh")} />
        </FormField>
        <FormField name="legalNameEn" label={t("legalNameEn")} required>
          <Input defaultValue={str(values, "legalNameEn")} />
        </FormField>
        <FormField name="uscc" label={t("uscc")} hint={t("usccHint")} required>
          <Input defaultValue={str(values, "uscc")} className="font-mono uppercase" maxLength={24} autoComplete="off" />
        </FormField>
        <FormField name="establishedOn" label={t("establishedOn")} required>
          <Input type="date" defaultValue={str(values, "establishedOn")} />
        </FormField>
      </div>
      <FormField name="registeredAddress" label={t("registeredAddress")} required>
        <Input defaultValue={str(values, "registeredAddress")} />
      </FormField>
      <FormField name="businessScope" label={t("businessScope")} required>
        <Textarea rows={3} defaultValue={str(values, "businessScope")} />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField name="industry" label={t("industry")} required>
          <Select defaultValue={str(values, "industry") || "other"} options={INDUSTRIES.map((value) => ({ value, label: industries(value) }))} />
        </FormField>
        <FormField name="customsCode" label={t("customsCode")} hint={t("customsCodeHint")} optional>
          <Input defaultValue={str(values, "customsCode")} className="font-mono" maxLength={10} />
        </FormField>
        <FormField name="website" label={t("website")} optional>
          <Input type="url" defaultValue={str(values, "website")} placeholder="https://" />
        </FormField>
        <FormField name="expectedMonthlyVolume" label={t("expectedMonthlyVolume")} required>
          <Input inputMode="decimal" defaultValue={str(values, "expectedMonthlyVolume")} trailing="CNY" />
        </FormField>
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium text-slate-800">{t("currencies")}</legend>
        <div className="flex flex-wrap gap-4">
          {SETTLEMENT_CURRENCIES.map((code) => (
            <Checkbox key={code} name="currencies" value={code} label={code} defaultChecked={currencies.includes(code)} />
          ))}
        </div>
      </fieldset>
      <FormField name="buyerCountries" label={t("buyerCountries")} hint={t("buyerCountriesHint")} required>
        <Input defaultValue={countries} className="uppercase" />
      </FormField>
    </SectionForm>
  );
}

function PersonFields({ prefix, values, withShare }: { prefix: string; values: Values; withShare?: boolean }) {
  const t = useTranslations("kyb.person");
  const idTypes = useTranslations("kyb.idTypes");
  return (
    <div className={withShare ? "grid gap-4 sm:grid-cols-5" : "grid gap-4 sm:grid-cols-2"}>
      <FormField name={`${prefix}name`} label={t("name")}>
        <Input defaultValue={str(values, "name")} />
      </FormField>
      <FormField name={`${prefix}idType`} label={t("idType")}>
        <Select defaultValue={str(values, "idType") || "prc_resident_id"} options={ID_TYPES.map((value) => ({ value, label: idTypes(value) }))} />
      </FormField>
      <FormField name={`${prefix}idNumber`} label={t("idNumber")}>
        <Input defaultValue={str(values, "idNumber")} className="font-mono uppercase" autoComplete="off" />
      </FormField>
      <FormField name={`${prefix}nationality`} label={t("nationality")} hint={withShare ? undefined : t("nationalityHint")}>
        <Input defaultValue={str(values, "nationality")} className="uppercase" maxLength={2} />
      </FormField>
      {withShare ? (
        <FormField name={`${prefix}sharePercent`} label={t("sharePercent")}>
          <Input inputMode="decimal" defaultValue={str(values, "sharePercent")} trailing="%" />
        </FormField>
      ) : null}
    </div>
  );
}

export function LegalRepresentativeForm({ org, values, editable }: { org: string; values: Values; editable: boolean }) {
  return (
    <SectionForm action={saveKybLegalRepresentative} org={org} next="beneficialOwners" editable={editable}>
      <PersonFields prefix="" values={values} />
    </SectionForm>
  );
}

export function BeneficialOwnersForm({ org, values, editable }: { org: string; values: Values; editable: boolean }) {
  const t = useTranslations("kyb.owners");
  const owners = Array.isArray(values?.owners) ? (values.owners as Record<string, unknown>[]) : [];
  return (
    <SectionForm action={saveKybBeneficialOwners} org={org} next="bankAccount" editable={editable}>
      {Array.from({ length: MAX_BENEFICIAL_OWNERS }, (_, index) => (
        <fieldset key={index} className="rounded-md border border-slate-200 p-4" data-testid={`owner-${index}`}>
          <legend className="px-1 text-sm font-medium text-slate-800">{t("owner", { number: index + 1 })}</legend>
          <PersonFields prefix={`owners.${index}.`} values={owners[index] ?? null} withShare />
        </fieldset>
      ))}
    </SectionForm>
  );
}

export function BankAccountForm({ org, values, editable }: { org: string; values: Values; editable: boolean }) {
  const t = useTranslations("kyb.bank");
  const [foreign, setForeign] = useState(values?.foreignCurrency === true);
  return (
    <SectionForm action={saveKybBankAccount} org={org} next="documents" editable={editable}>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField name="bankName" label={t("bankName")} required>
          <Input defaultValue={str(values, "bankName")} />
        </FormField>
        <FormField name="branchName" label={t("branchName")} required>
          <Input defaultValue={str(values, "branchName")} />
        </FormField>
        <FormField name="accountHolder" label={t("accountHolder")} hint={t("accountHolderHint")} required>
          <Input defaultValue={str(values, "accountHolder")} />
        </FormField>
        <FormField name="accountNumber" label={t("accountNumber")} required>
          <Input defaultValue={str(values, "accountNumber")} inputMode="numeric" className="font-mono" autoComplete="off" />
        </FormField>
        <FormField name="cnaps" label={t("cnaps")} hint={t("cnapsHint")} required>
          <Input defaultValue={str(values, "cnaps")} inputMode="numeric" className="font-mono" maxLength={12} />
        </FormField>
      </div>
      <Checkbox
        name="foreignCurrency"
        label={t("foreignCurrency")}
        hint={t("foreignCurrencyHint")}
        checked={foreign}
        onChange={(event) => setForeign(event.target.checked)}
      />
      {foreign ? (
        <div className="grid gap-4 sm:grid-cols-3">
          <FormField name="foreignBankCountry" label={t("foreignBankCountry")} required>
            <Input defaultValue={str(values, "foreignBankCountry") || "CN"} className="uppercase" maxLength={2} />
          </FormField>
          <FormField name="swiftBic" label={t("swiftBic")} required>
            <Input defaultValue={str(values, "swiftBic")} className="font-mono uppercase" maxLength={11} />
          </FormField>
          <FormField name="iban" label={t("iban")} optional>
            <Input defaultValue={str(values, "iban")} className="font-mono uppercase" maxLength={42} />
          </FormField>
        </div>
      ) : null}
    </SectionForm>
  );
}

/** Uploads through the guarded route (documents can be up to 10 MB, beyond a server action's body limit). */
export function DocumentUploadForm({ org, requiredKinds }: { org: string; requiredKinds: readonly string[] }) {
  const t = useTranslations("kyb.documents");
  const { pending, outcome, handleSubmit } = useUploadForm(`/o/${encodeURIComponent(org)}/onboarding/documents`, t("uploaded"));

  return (
    <form onSubmit={handleSubmit} className="flex flex-col gap-4" aria-busy={pending || undefined} noValidate>
      {outcome ? <Alert tone={outcome.tone}>{outcome.message}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-[16rem_1fr_auto] sm:items-end">
        <Field label={t("kind")} name="kind">
          <Select
            options={DOCUMENT_KINDS.map((kind) => ({
              value: kind,
              label: `${t(`kinds.${kind}`)} (${requiredKinds.includes(kind) ? t("required") : t("optional")})`,
            }))}
          />
        </Field>
        <Field label={t("file")} name="file">
          <Input type="file" accept="application/pdf,image/jpeg,image/png" className="py-1.5" />
        </Field>
        <Button type="submit" loading={pending} loadingText={t("uploading")}>
          {t("upload")}
        </Button>
      </div>
    </form>
  );
}

export function RemoveDocumentForm({ org, documentId }: { org: string; documentId: string }) {
  const t = useTranslations("kyb.documents");
  return (
    <ActionForm action={removeKybDocument} hidden={{ org, documentId }} className="inline-flex">
      <SubmitButton size="sm" variant="secondary">
        {t("remove")}
      </SubmitButton>
    </ActionForm>
  );
}

export function SubmitApplicationForm({ org, resubmit }: { org: string; resubmit: boolean }) {
  const t = useTranslations("kyb.submit");
  return (
    <ActionForm action={submitKybApplication} hidden={{ org }} successMessage={t("done")} redirectTo={`/o/${org}/onboarding`}>
      <div>
        <SubmitButton>{resubmit ? t("resubmit") : t("button")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

export function AnswerRequestForm({ org, requestId, answer, label }: { org: string; requestId: string; answer: string; label: string }) {
  const t = useTranslations("kyb.requests");
  return (
    <ActionForm action={answerKybInfoRequest} hidden={{ org, requestId }} successMessage={t("sent")} className="gap-3">
      <FormField name="answer" label={`${t("answer")}: ${label}`}>
        <Textarea rows={2} defaultValue={answer} />
      </FormField>
      <div>
        <SubmitButton size="sm" variant="secondary">
          {t("send")}
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
