"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useUploadForm } from "@/components/uploads/use-upload-form";

/** Uploads one kind of trade document through the guarded route (up to 10 MB, beyond a server action's body limit). */
export function TradeDocumentUploadForm({ org, invoiceId, kind }: { org: string; invoiceId: string; kind: string }) {
  const t = useTranslations("documents.trade");
  const url = `/o/${encodeURIComponent(org)}/invoices/${encodeURIComponent(invoiceId)}/documents`;
  const { pending, outcome, handleSubmit } = useUploadForm(url, t("uploaded"));

  return (
    <form onSubmit={handleSubmit} className="flex flex-col gap-2" aria-busy={pending || undefined} noValidate data-testid={`upload-${kind}`}>
      {outcome ? <Alert tone={outcome.tone}>{outcome.message}</Alert> : null}
      <input type="hidden" name="kind" value={kind} />
      <div className="flex flex-wrap items-end gap-3">
        <Field label={t("file", { kind: t(`kinds.${kind}`) })} name="file">
          <Input type="file" accept="application/pdf,image/jpeg,image/png" className="py-1.5" />
        </Field>
        <Button type="submit" variant="secondary" loading={pending} loadingText={t("uploading")}>
          {t("upload")}
        </Button>
      </div>
    </form>
  );
}
