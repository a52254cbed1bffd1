"use client";

import { useTranslations } from "next-intl";
import { issueInvoice, updateIssuedInvoice, voidInvoice } from "@/app/actions/invoices";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormField } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";

export function IssueInvoiceForm({ org, invoiceId }: { org: string; invoiceId: string }) {
  const t = useTranslations("invoices.issue");
  return (
    <ActionForm action={issueInvoice} hidden={{ org, invoiceId }} className="flex flex-col gap-2">
      <p className="text-sm text-slate-600">{t("hint")}</p>
      <div>
        <SubmitButton pendingText={t("pending")}>{t("button")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

export function VoidInvoiceForm({ org, invoiceId }: { org: string; invoiceId: string }) {
  const t = useTranslations("invoices.void");
  return (
    <ActionForm action={voidInvoice} hidden={{ org, invoiceId }} className="flex flex-col gap-3">
      <p className="text-sm text-slate-600">{t("hint")}</p>
      <FormField name="reason" label={t("reason")} required>
        <Input maxLength={500} />
      </FormField>
      <div>
        <SubmitButton variant="danger" pendingText={t("pending")}>
          {t("button")}
        </SubmitButton>
      </div>
    </ActionForm>
  );
}

export interface IssuedDetailValues {
  notes: string;
  portOfLoading: string;
  portOfDischarge: string;
  billOfLadingNumber: string;
  billOfLadingDate: string;
}

/** After issuing: only what does not change money. */
export function IssuedDetailsForm({ org, invoiceId, values }: { org: string; invoiceId: string; values: IssuedDetailValues }) {
  const t = useTranslations("invoices");
  return (
    <ActionForm action={updateIssuedInvoice} hidden={{ org, invoiceId }} redirectTo={`/o/${org}/invoices/${invoiceId}`} className="grid gap-4 sm:grid-cols-2">
      <FormField name="portOfLoading" label={t("editor.portOfLoading")} optional>
        <Input defaultValue={values.portOfLoading} />
      </FormField>
      <FormField name="portOfDischarge" label={t("editor.portOfDischarge")} optional>
        <Input defaultValue={values.portOfDischarge} />
      </FormField>
      <FormField name="billOfLadingNumber" label={t("editor.billOfLadingNumber")} optional>
        <Input defaultValue={values.billOfLadingNumber} />
      </FormField>
      <FormField name="billOfLadingDate" label={t("editor.billOfLadingDate")} optional>
        <Input type="date" defaultValue={values.billOfLadingDate} />
      </FormField>
      <FormField name="notes" label={t("editor.notes")} optional className="sm:col-span-2">
        <Textarea defaultValue={values.notes} rows={3} />
      </FormField>
      <div className="sm:col-span-2">
        <SubmitButton pendingText={t("shipmentEdit.saving")}>{t("shipmentEdit.save")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
