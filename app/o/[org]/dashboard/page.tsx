import { getFormatter, getTranslations } from "next-intl/server";
import { AgingSection } from "@/components/dashboard/aging-section";
import { BuyersSection } from "@/components/dashboard/buyers-section";
import { CollectionsSection } from "@/components/dashboard/collections-section";
import { ExposureSection } from "@/components/dashboard/exposure-section";
import { FeesSection } from "@/components/dashboard/fees-section";
import { DashboardFilterBar } from "@/components/dashboard/filter-bar";
import { HeadlineFigures } from "@/components/dashboard/headline-figures";
import type { LinkScope } from "@/components/dashboard/links";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { INVOICE_CURRENCIES } from "@/lib/domain/invoices";
import { parseSearch } from "@/lib/domain/lists/search-params";
import { localDateOf } from "@/lib/domain/time/local-day";
import { requireOrgMember } from "@/lib/server/auth/viewer";
import { buyerOptions } from "@/lib/server/buyers/queries";
import { factoryDashboard } from "@/lib/server/dashboard/factory";
import { dashboardFilters, dashboardSearchSchema } from "@/lib/server/dashboard/filters";

export const dynamic = "force-dynamic";

export default async function DashboardPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { org } = await params;
  const { organization } = await requireOrgMember(org);
  const t = await getTranslations("dashboard");
  const format = await getFormatter();
  const today = localDateOf(new Date(), organization.timezone);
  const filters = dashboardFilters(parseSearch(dashboardSearchSchema, await searchParams), today);
  const [dashboard, buyers] = await Promise.all([factoryDashboard(organization.id, filters, today), buyerOptions(organization.id)]);
  const scope: LinkScope = { org, currency: filters.currency, buyerId: filters.buyerId };
  const day = (date: string) => format.dateTime(new Date(`${date}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <CardBody className="flex flex-col gap-2">
          <DashboardFilterBar currencies={[...INVOICE_CURRENCIES]} buyers={buyers.map(({ id, name }) => ({ id, name }))} />
          <p className="text-xs text-slate-600" data-testid="dashboard-range">
            {t("filters.range", { from: day(filters.range.from), to: day(filters.range.to) })} {t("asOf", { date: day(today) })}
          </p>
        </CardBody>
      </Card>
      <HeadlineFigures dashboard={dashboard} timeZone={organization.timezone} />
      <div className="grid min-w-0 grid-cols-1 gap-6 xl:grid-cols-2">
        <AgingSection aging={dashboard.aging} mids={dashboard.mids} scope={scope} />
        <CollectionsSection collected={dashboard.collected} invoiced={dashboard.invoiced} range={filters.range} mids={dashboard.mids} scope={scope} />
        <BuyersSection buyers={dashboard.topBuyers} scope={scope} />
        <FeesSection fees={dashboard.fees.series} unpriced={dashboard.fees.unpriced} />
      </div>
      <ExposureSection org={org} exposure={dashboard.exposure.exposure} sensitivity={dashboard.exposure.sensitivity} basis={dashboard.exposure.basis} timeZone={organization.timezone} />
    </div>
  );
}
