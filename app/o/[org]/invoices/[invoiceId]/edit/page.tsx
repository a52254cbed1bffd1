import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { draftEditorValues, editorBuyers } from "@/components/invoices/editor-values";
import { IssuedDetailsForm } from "@/components/invoices/invoice-action-forms";
import { InvoiceEditor } from "@/components/invoices/invoice-editor";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrgMember } from "@/lib/server/auth/viewer";
import { buyerOptions } from "@/lib/server/buyers/queries";
import { MONEY_ROLES } from "@/lib/server/guard/access";
import { invoiceDetail } from "@/lib/server/invoices/detail";

/** A draft is edited whole; an issued invoice only in what does not change money. */
export default async function EditInvoicePage({ params }: { params: Promise<{ org: string; invoiceId: string }> }) {
  const { org, invoiceId } = await params;
  const { organization, membership } = await requireOrgMember(org);
  if (!MONEY_ROLES.includes(membership.role)) notFound();
  const detail = await invoiceDetail(organization.id, invoiceId);
  if (!detail || detail.invoice.status === "void") notFound();
  const t = await getTranslations("invoices");
  const { invoice } = detail;
  const back = (
    <Link href={`/o/${org}/invoices/${invoiceId}`} className="hover:underline">
      {invoice.number ?? t("detail.draftTitle")}
    </Link>
  );
  if (invoice.status === "draft") {
    const buyers = await buyerOptions(organization.id);
    return (
      <div className="flex flex-col gap-6">
        <PageHeader eyebrow={back} title={t("editor.editTitle")} />
        <InvoiceEditor org={org} invoiceId={invoiceId} buyers={editorBuyers(buyers)} values={draftEditorValues(detail)} />
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-6">
      <PageHeader eyebrow={back} title={t("shipmentEdit.title")} description={t("shipmentEdit.description")} />
      <Card>
        <CardBody>
          <IssuedDetailsForm
            org={org}
            invoiceId={invoiceId}
            values={{
              notes: invoice.notes ?? "",
              portOfLoading: invoice.portOfLoading ?? "",
              portOfDischarge: invoice.portOfDischarge ?? "",
              billOfLadingNumber: invoice.billOfLadingNumber ?? "",
              billOfLadingDate: invoice.billOfLadingDate ?? "",
            }}
          />
        </CardBody>
      </Card>
    </div>
  );
}
