"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

/** Uploads one kind of trade document through the guarded route (up to 10 MB, beyond a server action's body limit). */
export function TradeDocumentUploadForm({ org, invoiceId, kind }: { org: string; invoiceId: string; kind: string }) {
  const t = useTranslations("documents.trade");
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
      try {
        const url = `/o/${encodeURIComponent(org)}/invoices/${encodeURIComponent(invoiceId)}/documents`;
        const response = await fetch(url, { method: "POST", body: data });
        const body = (await response.json().catch(() => null)) as { message?: string; fieldErrors?: Record<string, string[]> } | null;
        if (response.ok) {
          setOutcome({ tone: "success", message: t("uploaded") });
          form.reset();
          router.refresh();
        } else {
          const detail = body?.fieldErrors ? Object.values(body.fieldErrors).flat().join(" ") : "";
          setOutcome({ tone: "error", message: [body?.message, detail].filter(Boolean).join(" ") || common("form.networkError") });
        }
      } catch {
        setOutcome({ tone: "error", message: common("form.networkError") });
      }
    });
  }

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
