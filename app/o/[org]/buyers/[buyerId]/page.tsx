import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BuyerPayments } from "@/components/buyers/buyer-payments";
import { describeTerms } from "@/components/invoices/display";
import { InvoiceTable } from "@/components/invoices/invoice-table";
import { buttonStyles } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrgMember } from "@/lib/server/auth/viewer";
import { buyerOverview } from "@/lib/server/buyers/queries";
import { MONEY_ROLES } from "@/lib/server/guard/access";

export default async function BuyerPage({ params }: { params: Promise<{ org: string; buyerId: string }> }) {
  const { org, buyerId } = await params;
  const { organization, membership } = await requireOrgMember(org);
  const overview = await buyerOverview(organization.id, buyerId, organization.timezone);
  if (!overview) notFound();
  const t = await getTranslations("invoices");
  const format = await getFormatter();
  const { buyer } = overview;
  const canWrite = MONEY_ROLES.includes(membership.role);
  const facts: [string, string][] = [
    [t("buyers.form.country"), buyer.country],
    [t("buyers.form.defaultCurrency"), buyer.defaultCurrency],
    [t("buyers.detail.terms"), describeTerms(t, buyer.defaultTerms)],
    [t("buyers.form.taxId"), buyer.taxId ?? "—"],
    [t("buyers.form.address"), buyer.address ?? "—"],
    [t("buyers.form.contacts"), buyer.contacts.map((c) => (c.name ? `${c.name} <${c.email}>` : c.email)).join(", ") || "—"],
  ];
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={
          <Link href={`/o/${org}/buyers`} className="hover:underline">
            {t("buyers.detail.back")}
          </Link>
        }
        title={buyer.name}
        actions={
          canWrite ? (
            <>
              <Link href={`/o/${org}/buyers/${buyerId}/edit`} className={buttonStyles({ variant: "secondary" })}>
                {t("buyers.detail.edit")}
              </Link>
              <Link href={`/o/${org}/invoices/new?buyer=${buyerId}`} className={buttonStyles()}>
                {t("buyers.detail.newInvoice")}
              </Link>
            </>
          ) : null
        }
      />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Card>
          <CardHeader title={t("buyers.detail.details")} />
          <CardBody>
            <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
              {facts.map(([label, value]) => (
                <div key={label}>
                  <dt className="text-slate-500">{label}</dt>
                  <dd className="whitespace-pre-line text-slate-900">{value}</dd>
                </div>
              ))}
            </dl>
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={t("buyers.detail.averageDaysLate")} />
          <CardBody>
            {overview.averageDaysLate === null ? (
              <p className="text-sm text-slate-600">{t("buyers.detail.noPaidYet")}</p>
            ) : (
              <>
                <p className="tabular text-3xl font-semibold text-slate-900" data-testid="average-days-late">
                  {t("buyers.detail.averageDaysLateValue", { days: format.number(overview.averageDaysLate, { maximumFractionDigits: 1 }) })}
                </p>
                <p className="mt-1 text-sm text-slate-600">{t("buyers.detail.averageDaysLateHint", { count: overview.paidInstalmentCount })}</p>
              </>
            )}
          </CardBody>
        </Card>
      </div>
      <Card>
        <CardHeader title={t("buyers.detail.invoices")} />
        <InvoiceTable org={org} rows={overview.invoices} caption={t("buyers.detail.invoices")} showBuyer={false} empty={t("buyers.detail.noInvoices")} />
      </Card>
      <Card>
        <CardHeader
          title={t("buyers.detail.payments")}
          actions={<Link href={`/o/${org}/buyers/${buyerId}/refunds`} className="text-sm font-medium text-teal-800 hover:underline">{(await getTranslations("refunds"))("link")}</Link>}
        />
        <BuyerPayments payments={overview.payments} />
      </Card>
    </div>
  );
}
