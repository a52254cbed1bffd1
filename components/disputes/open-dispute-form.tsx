"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { openDispute } from "@/app/actions/disputes";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { CopyField } from "@/components/invoices/copy-field";
import { Alert } from "@/components/ui/alert";
import { buttonStyles } from "@/components/ui/button";
import { Field, FormField } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { postUpload } from "@/components/uploads/post-upload";
import type { Locale } from "@/i18n/catalog";
import type { DisputeCategory } from "@/lib/domain/disputes";
import { EVIDENCE_KINDS } from "./evidence-kinds";
import { caseMoney } from "./format";

export interface OpenDisputeFormProps {
  org: string;
  subject: { invoiceId: string } | { paymentId: string };
  categories: readonly DisputeCategory[];
  currency: string;
  /** The amount filled in: what was paid (decimal string). */
  defaultAmount: string;
  amountHint: string;
}

interface Opened {
  disputeId: string;
  number: string;
  buyerLinkUrl: string;
  reservedMinor: bigint;
  shortfallMinor: bigint;
  uploadError: string | null;
}

/**
 * Opens the case, then uploads the evidence chosen with it through the factory's evidence route (files may be larger
 * than a server action takes), then shows the buyer's link once.
 */
export function OpenDisputeForm({ org, subject, categories, currency, defaultAmount, amountHint }: OpenDisputeFormProps) {
  const t = useTranslations("disputes.open");
  const categoryLabel = useTranslations("disputes.category");
  const locale = useLocale() as Locale;
  const evidence = useTranslations("disputes.evidence");
  const common = useTranslations("common");
  const fileRef = useRef<HTMLInputElement>(null);
  const kindRef = useRef<HTMLSelectElement>(null);
  const [uploading, setUploading] = useState(false);
  const [opened, setOpened] = useState<Opened | null>(null);

  async function afterOpen(data: { disputeId: string; number: string; buyerLinkUrl: string | null; reservedMinor: bigint; shortfallMinor: bigint }) {
    const file = fileRef.current?.files?.[0];
    let uploadError: string | null = null;
    if (file) {
      setUploading(true);
      const form = new FormData();
      form.set("kind", kindRef.current?.value ?? "photo");
      form.set("file", file);
      const result = await postUpload(`/o/${encodeURIComponent(org)}/disputes/${encodeURIComponent(data.disputeId)}/evidence`, form);
      if (!result.ok) uploadError = result.message ?? common("form.networkError");
      setUploading(false);
    }
    setOpened({
      disputeId: data.disputeId,
      number: data.number,
      buyerLinkUrl: data.buyerLinkUrl ?? "",
      reservedMinor: data.reservedMinor,
      shortfallMinor: data.shortfallMinor,
      uploadError,
    });
  }

  if (opened) {
    return (
      <div className="flex flex-col gap-4" data-testid="dispute-opened">
        <Alert tone="success" title={t("openedTitle", { number: opened.number })}>
          {opened.reservedMinor === 0n && opened.shortfallMinor === 0n ? t("openedNothingHeld") : t("openedReserved", { reserved: caseMoney(opened.reservedMinor, currency, locale) })}{" "}
          {opened.shortfallMinor > 0n ? t("openedShortfall", { shortfall: caseMoney(opened.shortfallMinor, currency, locale) }) : null}
        </Alert>
        {opened.uploadError ? <Alert tone="warning" data-testid="dispute-upload-failed">{t("uploadFailed", { message: opened.uploadError })}</Alert> : null}
        {opened.buyerLinkUrl ? (
          <div className="flex flex-col gap-2">
            <p className="text-sm text-slate-700">{t("linkIntro")}</p>
            <CopyField value={opened.buyerLinkUrl} label={t("linkLabel")} testId="buyer-link" />
          </div>
        ) : null}
        <div>
          <Link href={`/o/${org}/disputes/${opened.disputeId}`} className={buttonStyles()}>
            {t("goToCase")}
          </Link>
        </div>
      </div>
    );
  }

  return (
    <ActionForm
      action={openDispute}
      hidden={{ org, ...subject }}
      refresh={false}
      onSuccess={(data) => void afterOpen(data)}
      className="grid gap-4 sm:grid-cols-2"
      data-testid="open-dispute"
    >
      <FormField name="category" label={t("category")} hint={t("categoryHint")} required className="sm:col-span-2">
        <Select options={categories.map((category) => ({ value: category, label: categoryLabel(category) }))} defaultValue={categories[0]} />
      </FormField>
      <FormField name="amount" label={t("amount", { currency })} hint={amountHint} required>
        <Input inputMode="decimal" defaultValue={defaultAmount} autoComplete="off" trailing={currency} />
      </FormField>
      <FormField name="buyerClaim" label={t("buyerClaim")} hint={t("buyerClaimHint")} optional className="sm:col-span-2">
        <Textarea rows={3} maxLength={5000} />
      </FormField>
      <FormField name="description" label={t("descriptionLabel")} hint={t("descriptionHint")} required className="sm:col-span-2">
        <Textarea rows={4} maxLength={5000} />
      </FormField>
      <fieldset className="flex flex-col gap-3 rounded-md border border-slate-200 p-4 sm:col-span-2">
        <legend className="px-1 text-sm font-medium text-slate-800">{t("evidence")}</legend>
        <p className="text-sm text-slate-600">{t("evidenceHint")}</p>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label={t("evidenceKind")}>
            <Select ref={kindRef} options={EVIDENCE_KINDS.map((kind) => ({ value: kind, label: evidence(`kinds.${kind}`) }))} defaultValue="photo" />
          </Field>
          <Field label={evidence("file")}>
            <Input ref={fileRef} type="file" accept="application/pdf,image/jpeg,image/png" className="py-1.5" />
          </Field>
        </div>
      </fieldset>
      <div className="sm:col-span-2">
        <SubmitButton pendingText={t("submitting")} disabled={uploading}>
          {uploading ? t("uploading") : t("submit")}
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
