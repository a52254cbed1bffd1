"use client";

import { useTranslations } from "next-intl";
import { removeInvoiceDocument } from "@/app/actions/invoice-documents";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";

export function RemoveTradeDocumentForm({ org, invoiceId, documentId, name }: { org: string; invoiceId: string; documentId: string; name: string }) {
  const t = useTranslations("documents.trade");
  return (
    <ActionForm action={removeInvoiceDocument} hidden={{ org, invoiceId, documentId }} className="inline-flex">
      <SubmitButton size="sm" variant="ghost" aria-label={`${t("remove")}: ${name}`}>
        {t("remove")}
      </SubmitButton>
    </ActionForm>
  );
}
