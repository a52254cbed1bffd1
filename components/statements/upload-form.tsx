"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { failureMessage, type ImportFailure } from "./failure-message";
import { ImportProgress } from "./import-progress";

const FORMATS = ["camt.053", "camt.054", "mt940", "csv"] as const;
const POLL_MS = 500;

interface ImportStatus {
  status: "processing" | "completed" | "failed";
  total: number | null;
  transactionCount: number;
  importedCount: number;
  duplicateCount: number;
  matchedCount: number;
  skippedCount: number;
  error: ImportFailure | null;
}

type Phase =
  | { kind: "idle" }
  | { kind: "uploading"; name: string }
  | { kind: "importing"; status: ImportStatus | null }
  | { kind: "done"; status: ImportStatus }
  | { kind: "refused"; message: string };

/**
 * `importFees` are the fixed fees (formatted, one per currency) the organization's schedule charges per imported
 * statement, told before the upload; none shown when the schedule charges none.
 * Sends the file as the request body to the upload route (streamed there, so up to 200 MB), then polls the import's
 * status route for the progress bar until it completes or fails.
 */
export function StatementUploadForm({ org, banks, importFees = [] }: { org: string; banks: string[]; importFees?: string[] }) {
  const t = useTranslations("statements");
  const errors = useTranslations("errors");
  const common = useTranslations("common");
  const router = useRouter();
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const busy = phase.kind === "uploading" || phase.kind === "importing";

  async function poll(importId: string): Promise<void> {
    for (;;) {
      const response = await fetch(`/o/${encodeURIComponent(org)}/statements/${importId}/status`, { cache: "no-store" });
      const body = (await response.json().catch(() => null)) as (ImportStatus & { message?: string }) | null;
      if (!response.ok || !body) {
        setPhase({ kind: "refused", message: body?.message ?? common("form.networkError") });
        return;
      }
      if (body.status !== "processing") {
        setPhase({ kind: "done", status: body });
        router.refresh();
        return;
      }
      setPhase({ kind: "importing", status: body });
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const file = data.get("file");
    if (!(file instanceof File) || file.name === "") {
      setPhase({ kind: "refused", message: t("upload.chooseFile") });
      return;
    }
    const search = new URLSearchParams({ name: file.name });
    for (const key of ["format", "bank"]) {
      const value = String(data.get(key) ?? "");
      if (value) search.set(key, value);
    }
    setPhase({ kind: "uploading", name: file.name });
    try {
      const response = await fetch(`/o/${encodeURIComponent(org)}/statements/upload?${search}`, {
        method: "POST",
        body: file,
        headers: { "content-type": "application/octet-stream" },
      });
      const body = (await response.json().catch(() => null)) as { importId?: string; message?: string } | null;
      if (!response.ok || !body?.importId) {
        setPhase({ kind: "refused", message: body?.message ?? common("form.networkError") });
        return;
      }
      setPhase({ kind: "importing", status: null });
      router.refresh();
      await poll(body.importId);
    } catch {
      setPhase({ kind: "refused", message: common("form.networkError") });
    }
  }

  return (
    <form onSubmit={handleSubmit} className="flex flex-col gap-4" aria-busy={busy || undefined} noValidate data-testid="statement-upload">
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label={t("upload.file")} name="file" required>
          <Input type="file" accept=".xml,.sta,.mt940,.txt,.csv,text/xml,application/xml,text/csv,text/plain" className="py-1.5" />
        </Field>
        <Field label={t("upload.format")} name="format">
          <Select options={[{ value: "", label: t("upload.formatAuto") }, ...FORMATS.map((format) => ({ value: format, label: t(`formats.${format.replace(".", "")}`) }))]} />
        </Field>
        <Field label={t("upload.bank")} name="bank" hint={t("upload.bankHint")}>
          <Select options={[{ value: "", label: t("upload.bankNone") }, ...banks.map((bank) => ({ value: bank, label: bank }))]} />
        </Field>
      </div>
      {importFees.length > 0 ? (
        <Alert tone="info" data-testid="statement-import-fee">
          {t("upload.importFee", { fees: importFees.join(t("upload.importFeeSeparator")) })}
        </Alert>
      ) : null}
      <div>
        <Button type="submit" loading={busy} loadingText={t("upload.submitting")}>
          {t("upload.submit")}
        </Button>
      </div>
      {phase.kind === "uploading" ? <ImportProgress label={t("upload.uploading", { name: phase.name })} /> : null}
      {phase.kind === "importing" ? (
        phase.status?.total ? (
          <ImportProgress
            label={t("upload.importing", { done: phase.status.transactionCount, total: phase.status.total })}
            done={phase.status.transactionCount}
            total={phase.status.total}
          />
        ) : (
          <ImportProgress label={t("upload.checking")} />
        )
      ) : null}
      {phase.kind === "done" && phase.status.status === "completed" ? (
        <>
          <ImportProgress label={t("upload.importing", { done: phase.status.transactionCount, total: phase.status.transactionCount })} done={1} total={1} />
          <Alert tone="success" data-testid="import-result">
            {t("upload.completed", {
              imported: phase.status.importedCount,
              matched: phase.status.matchedCount,
              duplicates: phase.status.duplicateCount,
              skipped: phase.status.skippedCount,
            })}
          </Alert>
        </>
      ) : null}
      {phase.kind === "done" && phase.status.status === "failed" ? (
        <Alert tone="error" title={t("upload.failed")} data-testid="import-result">
          {phase.status.error ? failureMessage(errors, phase.status.error) : null}
        </Alert>
      ) : null}
      {phase.kind === "refused" ? <Alert tone="error">{phase.message}</Alert> : null}
    </form>
  );
}
