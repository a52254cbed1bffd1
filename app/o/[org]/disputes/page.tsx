import { getLocale, getTranslations } from "next-intl/server";
import { OrganizationDisputeFilters } from "@/components/disputes/filters";
import { OrganizationDisputeTable } from "@/components/disputes/organization-dispute-table";
import { DisputeStatistics } from "@/components/disputes/statistics";
import { Pager } from "@/components/lists/pager";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import type { Locale } from "@/i18n/catalog";
import { organizationDisputeListSchema } from "@/lib/domain/disputes/list-search";
import { periodOf } from "@/lib/domain/disputes/period-search";
import { parseSearch, searchString } from "@/lib/domain/lists/search-params";
import { requireOrgMember } from "@/lib/server/auth/viewer";
import { now } from "@/lib/server/clock";
import { organizationDisputePage } from "@/lib/server/disputes/queries";
import { disputeStatistics } from "@/lib/server/disputes/statistics";

export const dynamic = "force-dynamic";

export default async function DisputesPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { org } = await params;
  const { organization } = await requireOrgMember(org);
  const search = parseSearch(organizationDisputeListSchema, await searchParams);
  const [t, locale, at] = await Promise.all([getTranslations("disputes"), getLocale() as Promise<Locale>, now()]);
  const [page, stats] = await Promise.all([
    organizationDisputePage(organization.id, search),
    disputeStatistics({ organizationId: organization.id, ...periodOf({ from: "", to: "" }, at) }),
  ]);
  const filtered = search.status !== "" || search.category !== "";
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <div className="border-b border-slate-200 px-6 py-4">
          <OrganizationDisputeFilters org={org} search={search} />
        </div>
        <OrganizationDisputeTable org={org} rows={page.rows} now={at} locale={locale} timeZone={organization.timezone} emptyText={filtered ? t("list.empty") : t("list.emptyAll")} />
        <p className="border-t border-slate-200 px-6 py-3 text-sm text-slate-600">{t("list.openFromHint")}</p>
      </Card>
      <Pager
        firstHref={search.after ? `/o/${org}/disputes${searchString({ ...search, after: "" })}` : null}
        nextHref={page.nextCursor ? `/o/${org}/disputes${searchString(search, { after: page.nextCursor })}` : null}
      />
      <Card>
        <CardHeader title={t("statistics.title")} description={t("statistics.description")} />
        <CardBody>
          <DisputeStatistics stats={stats} locale={locale} charts={false} idPrefix="org-disputes" />
        </CardBody>
      </Card>
    </div>
  );
}
