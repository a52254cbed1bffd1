import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { InvoiceFilters } from "@/components/invoices/invoice-filters";
import { InvoiceTable } from "@/components/invoices/invoice-table";
import { buttonStyles } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrgMember } from "@/lib/server/auth/viewer";
import { buyerOptions } from "@/lib/server/buyers/queries";
import { MONEY_ROLES } from "@/lib/server/guard/access";
import { parseSearch, searchString } from "@/lib/server/http/search-params";
import { invoiceSearchSchema, listInvoices } from "@/lib/server/invoices/list";

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
  const [page, buyers] = await Promise.all([listInvoices(organization.id, search), buyerOptions(organization.id)]);
  const canWrite = MONEY_ROLES.includes(membership.role);
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
      <Card>
        <div className="border-b border-slate-200 px-6 py-4">
          <InvoiceFilters search={search} buyers={buyers} />
        </div>
        <InvoiceTable org={org} rows={page.rows} caption={t("title")} empty={t("empty")} />
      </Card>
      {page.nextCursor ? (
        <Link href={`/o/${org}/invoices${searchString(search, { after: page.nextCursor })}`} className={buttonStyles({ variant: "secondary" })}>
          {t("older")}
        </Link>
      ) : null}
    </div>
  );
}
