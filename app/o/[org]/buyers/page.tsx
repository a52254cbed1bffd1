import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { BuyerTable } from "@/components/buyers/buyer-table";
import { FilterActions, FilterInput } from "@/components/filters/filter-fields";
import { buttonStyles } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { parseSearch } from "@/lib/domain/lists/search-params";
import { requireOrgMember } from "@/lib/server/auth/viewer";
import { buyerSearchSchema, listBuyers } from "@/lib/server/buyers/queries";
import { MONEY_ROLES } from "@/lib/server/guard/access";

export default async function BuyersPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { org } = await params;
  const { organization, membership } = await requireOrgMember(org);
  const search = parseSearch(buyerSearchSchema, await searchParams);
  const t = await getTranslations("invoices.buyers");
  const common = await getTranslations("common");
  const rows = await listBuyers(organization.id, search.q);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          MONEY_ROLES.includes(membership.role) ? (
            <Link href={`/o/${org}/buyers/new`} className={buttonStyles()}>
              {t("new")}
            </Link>
          ) : null
        }
      />
      <Card>
        <form method="get" className="grid gap-3 border-b border-slate-200 px-6 py-4 sm:grid-cols-[minmax(0,20rem)_auto] sm:items-end" aria-label={common("labels.filters")}>
          <FilterInput label={t("search")} name="q" defaultValue={search.q} type="search" />
          <FilterActions />
        </form>
        <BuyerTable org={org} rows={rows} empty={search.q ? t("noMatch") : t("empty")} />
      </Card>
    </div>
  );
}
