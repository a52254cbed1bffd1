"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useUploadForm } from "@/components/uploads/use-upload-form";
import { EVIDENCE_KINDS } from "./evidence-kinds";

/** Adds a file to the case through the evidence route of the page's side (factory, agent or buyer). */
export function EvidenceUploadForm({ uploadUrl }: { uploadUrl: string }) {
  const t = useTranslations("disputes.evidence");
  const { pending, outcome, handleSubmit } = useUploadForm(uploadUrl, t("uploaded"));

  return (
    <form onSubmit={handleSubmit} className="flex flex-col gap-3" aria-busy={pending || undefined} noValidate data-testid="evidence-upload">
      {outcome ? <Alert tone={outcome.tone}>{outcome.message}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t("kind")} name="kind">
          <Select options={EVIDENCE_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))} defaultValue="photo" />
        </Field>
        <Field label={t("file")} name="file" required>
          <Input type="file" accept="application/pdf,image/jpeg,image/png" className="py-1.5" />
        </Field>
        <Field label={t("note")} name="note" className="sm:col-span-2">
          <Input maxLength={500} autoComplete="off" />
        </Field>
      </div>
      <div>
        <Button type="submit" variant="secondary" loading={pending} loadingText={t("uploading")}>
          {t("upload")}
        </Button>
      </div>
    </form>
  );
}
