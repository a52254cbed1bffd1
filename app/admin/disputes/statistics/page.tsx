import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { AdminDisputeSections } from "@/components/disputes/admin-sections";
import { PeriodFilters } from "@/components/disputes/filters";
import { DisputeStatistics } from "@/components/disputes/statistics";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import type { Locale } from "@/i18n/catalog";
import { periodOf, periodSearchSchema } from "@/lib/domain/disputes/period-search";
import { parseSearch } from "@/lib/domain/lists/search-params";
import { requireStaff } from "@/lib/server/auth/viewer";
import { now } from "@/lib/server/clock";
import { DISPUTE_STAFF } from "@/lib/server/disputes/access";
import { disputeStatistics } from "@/lib/server/disputes/statistics";

export const dynamic = "force-dynamic";

export default async function DisputeStatisticsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { role } = await requireStaff(DISPUTE_STAFF);
  const search = parseSearch(periodSearchSchema, await searchParams);
  const [t, format, locale, at] = await Promise.all([getTranslations("disputes"), getFormatter(), getLocale() as Promise<Locale>, now()]);
  const period = periodOf(search, at);
  const stats = await disputeStatistics(period);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("admin.statistics.title")} description={t("admin.statistics.description")} />
      <AdminDisputeSections current="statistics" role={role} />
      <PeriodFilters search={search} />
      <p className="text-sm text-slate-700" data-testid="statistics-period">
        {t("statistics.periodShown", {
          // The period is whole UTC days (periodOf) and its end is exclusive: the last day shown is the one before it.
          from: format.dateTime(period.from, { dateStyle: "medium", timeZone: "UTC" }),
          to: format.dateTime(new Date(period.to.getTime() - 1), { dateStyle: "medium", timeZone: "UTC" }),
        })}
      </p>
      <Card>
        <CardBody>
          <DisputeStatistics stats={stats} locale={locale} charts idPrefix="platform-disputes" />
        </CardBody>
      </Card>
    </div>
  );
}
