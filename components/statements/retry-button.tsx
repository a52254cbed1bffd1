"use client";

import { useTranslations } from "next-intl";
import { retryStatementImport } from "@/app/actions/statements";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";

/** Runs an interrupted import again from its kept file. */
export function RetryImportButton({ org, importId }: { org: string; importId: string }) {
  const t = useTranslations("statements.detail");
  return (
    <ActionForm action={retryStatementImport} hidden={{ org, importId }} className="flex flex-col gap-2">
      <p className="text-sm text-slate-600">{t("retryHint")}</p>
      <div>
        <SubmitButton variant="secondary" pendingText={t("retrying")}>
          {t("retry")}
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
