"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { EVIDENCE_KINDS } from "./evidence-kinds";
import { uploadEvidence } from "./upload";

/** Adds a file to the case through the evidence route of the page's side (factory, agent or buyer). */
export function EvidenceUploadForm({ uploadUrl }: { uploadUrl: string }) {
  const t = useTranslations("disputes.evidence");
  const common = useTranslations("common");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<{ tone: "success" | "error"; message: string } | null>(null);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setOutcome(null);
    startTransition(async () => {
      const result = await uploadEvidence(uploadUrl, data);
      if (result.ok) {
        setOutcome({ tone: "success", message: t("uploaded") });
        form.reset();
        router.refresh();
      } else {
        setOutcome({ tone: "error", message: result.message ?? common("form.networkError") });
      }
    });
  }

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
