import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { InvoicePdfLink } from "@/components/invoice-documents/invoice-pdf-link";
import { TradeDocumentsSection } from "@/components/invoice-documents/trade-documents-section";
import { AllocationTable } from "@/components/invoices/allocation-table";
import { IssueInvoiceForm, VoidInvoiceForm } from "@/components/invoices/invoice-action-forms";
import { InvoiceLines } from "@/components/invoices/invoice-lines";
import { InvoiceSummary } from "@/components/invoices/invoice-summary";
import { InstalmentTable } from "@/components/invoices/instalment-table";
import { ShipmentDetails } from "@/components/invoices/shipment-details";
import { InvoiceStatusBadge } from "@/components/invoices/status-badge";
import { Alert } from "@/components/ui/alert";
import { buttonStyles } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { appUrl } from "@/lib/server/auth/tokens";
import { requireOrgMember } from "@/lib/server/auth/viewer";
import { MONEY_ROLES } from "@/lib/server/guard/access";
import { TRADE_DOCUMENT_KINDS } from "@/lib/server/invoice-documents/documents";
import { invoiceDocumentList } from "@/lib/server/invoice-documents/queries";
import { invoiceAllocations, invoiceDetail } from "@/lib/server/invoices/detail";
import { applicationOfOrganization } from "@/lib/server/kyb/queries";

export const dynamic = "force-dynamic";

export default async function InvoicePage({ params }: { params: Promise<{ org: string; invoiceId: string }> }) {
  const { org, invoiceId } = await params;
  const { organization, membership } = await requireOrgMember(org);
  const [detail, allocations, application, documents] = await Promise.all([
    invoiceDetail(organization.id, invoiceId),
    invoiceAllocations(organization.id, invoiceId),
    applicationOfOrganization(organization.id),
    invoiceDocumentList(organization.id, invoiceId),
  ]);
  if (!detail) notFound();
  const [t, disputes] = await Promise.all([getTranslations("invoices"), getTranslations("disputes.open")]);
  const format = await getFormatter();
  const { invoice } = detail;
  const canWrite = MONEY_ROLES.includes(membership.role);
  const isDraft = invoice.status === "draft";
  const isVoid = invoice.status === "void";
  const payUrl = invoice.payToken && !isVoid ? appUrl(`/pay/${invoice.payToken}`) : null;
  const hasLiveAllocations = allocations.some((a) => a.reversedAt === null);

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={
          <Link href={`/o/${org}/invoices`} className="hover:underline">
            {t("detail.back")}
          </Link>
        }
        title={
          <span className="flex flex-wrap items-center gap-3">
            <span data-testid="invoice-number">{invoice.number ?? t("detail.draftTitle")}</span>
            <InvoiceStatusBadge status={detail.displayStatus} />
          </span>
        }
        actions={
          <>
            <InvoicePdfLink org={org} invoiceId={invoiceId} />
            {canWrite && !isDraft && !isVoid ? (
              <Link href={`/o/${org}/disputes/new?invoice=${invoiceId}`} className={buttonStyles({ variant: "secondary" })} data-testid="open-dispute-link">
                {disputes("button")}
              </Link>
            ) : null}
            {canWrite && !isVoid ? (
              <Link href={`/o/${org}/invoices/${invoiceId}/edit`} className={buttonStyles({ variant: "secondary" })}>
                {isDraft ? t("detail.edit") : t("detail.editShipment")}
              </Link>
            ) : null}
          </>
        }
      />

      {isDraft ? <Alert tone="info">{t("detail.draftNotice")}</Alert> : null}
      {isVoid && invoice.voidedAt ? (
        <Alert tone="warning">{t("detail.voided", { date: format.dateTime(invoice.voidedAt, { dateStyle: "medium", timeZone: organization.timezone }), reason: invoice.voidReason ?? "" })}</Alert>
      ) : null}

      <Card>
        <CardBody>
          <InvoiceSummary org={org} detail={detail} payUrl={payUrl} />
        </CardBody>
      </Card>

      {isDraft && canWrite ? (
        <Card>
          <CardBody>{application?.status === "approved" ? <IssueInvoiceForm org={org} invoiceId={invoiceId} /> : <Alert tone="warning">{t("issue.notApproved")}</Alert>}</CardBody>
        </Card>
      ) : null}

      <Card>
        <CardHeader title={t("detail.lines")} />
        <InvoiceLines detail={detail} />
      </Card>

      {detail.instalments.length > 0 ? (
        <Card>
          <CardHeader title={t("instalments.title")} />
          <InstalmentTable detail={detail} />
        </Card>
      ) : null}

      <Card>
        <CardHeader title={t("detail.shipment")} />
        <CardBody>
          <ShipmentDetails detail={detail} />
        </CardBody>
      </Card>

      <TradeDocumentsSection org={org} invoiceId={invoiceId} kinds={TRADE_DOCUMENT_KINDS} documents={documents} canEdit={canWrite && !isVoid} isVoid={isVoid} />

      {!isDraft ? (
        <Card>
          <CardHeader title={t("allocations.title")} />
          <AllocationTable allocations={allocations} currency={invoice.currency} />
        </Card>
      ) : null}

      {canWrite && !isVoid && !hasLiveAllocations && invoice.paidMinor === 0n ? (
        <Card>
          <CardHeader title={t("void.title")} />
          <CardBody>
            <VoidInvoiceForm org={org} invoiceId={invoiceId} />
          </CardBody>
        </Card>
      ) : null}
    </div>
  );
}
