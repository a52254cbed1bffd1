import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { InvoiceFilters } from "@/components/invoices/invoice-filters";
import { calendarDate } from "@/components/invoices/display";
import { InvoiceTable } from "@/components/invoices/invoice-table";
import { Pager } from "@/components/lists/pager";
import { Alert } from "@/components/ui/alert";
import { buttonStyles } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { bucketOfSlug } from "@/lib/domain/dashboard";
import { invoiceSearchSchema } from "@/lib/domain/invoices/list-search";
import { parseSearch, searchString } from "@/lib/domain/lists/search-params";
import { localDateOf } from "@/lib/domain/time/local-day";
import { requireOrgMember } from "@/lib/server/auth/viewer";
import { buyerOptions } from "@/lib/server/buyers/queries";
import { MONEY_ROLES } from "@/lib/server/guard/access";
import { listInvoices } from "@/lib/server/invoices/list";

export default async function InvoicesPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { org } = await params;
  const { organization, membership } = await requireOrgMember(org);
  const search = parseSearch(invoiceSearchSchema, await searchParams);
  const t = await getTranslations("invoices");
  const lists = await getTranslations("dashboard.lists");
  const buckets = await getTranslations("dashboard.aging.buckets");
  const format = await getFormatter();
  const today = localDateOf(new Date(), organization.timezone);
  const [page, buyers] = await Promise.all([listInvoices(organization.id, search, 50, undefined, today), buyerOptions(organization.id)]);
  const canWrite = MONEY_ROLES.includes(membership.role);
  const bucket = bucketOfSlug(search.aging);
  const base = `/o/${org}/invoices`;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          canWrite ? (
            <Link href={`/o/${org}/invoices/new`} className={buttonStyles()}>
              {t("new")}
            </Link>
          ) : null
        }
      />
      {bucket ? (
        <Alert tone="info" data-testid="aging-filter-note">
          {lists("agingActive", {
            bucket: buckets(bucket),
            date: format.dateTime(calendarDate(search.asOf || today), { dateStyle: "medium", timeZone: "UTC" }),
          })}
        </Alert>
      ) : null}
      <Card>
        <div className="border-b border-slate-200 px-6 py-4">
          <InvoiceFilters org={org} search={search} buyers={buyers} />
        </div>
        <InvoiceTable org={org} rows={page.rows} caption={t("title")} empty={t("empty")} />
      </Card>
      <Pager
        firstHref={search.after ? `${base}${searchString({ ...search, after: "" })}` : null}
        nextHref={page.nextCursor ? `${base}${searchString(search, { after: page.nextCursor })}` : null}
      />
    </div>
  );
}
