import { getLocale, getTranslations } from "next-intl/server";
import { AdminDisputeSections } from "@/components/disputes/admin-sections";
import { QueueFilters } from "@/components/disputes/filters";
import { STAFF_TIME_ZONE } from "@/components/disputes/format";
import { QueueTable } from "@/components/disputes/queue-table";
import { Pager } from "@/components/lists/pager";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import type { Locale } from "@/i18n/catalog";
import { DISPUTE_TIERS } from "@/lib/domain/disputes";
import { queueSearchSchema } from "@/lib/domain/disputes/list-search";
import { parseSearch, searchString } from "@/lib/domain/lists/search-params";
import { requireStaff } from "@/lib/server/auth/viewer";
import { now } from "@/lib/server/clock";
import { DISPUTE_STAFF } from "@/lib/server/disputes/access";
import { disputeOrganizations, disputeQueue, queueCounts, queueFilters } from "@/lib/server/disputes/queries";

export const dynamic = "force-dynamic";

export default async function DisputeQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { viewer, role } = await requireStaff(DISPUTE_STAFF);
  const search = parseSearch(queueSearchSchema, await searchParams);
  const [t, locale, at] = await Promise.all([getTranslations("disputes"), getLocale() as Promise<Locale>, now()]);
  const [page, counts, organizations] = await Promise.all([
    disputeQueue({ ...queueFilters(search, viewer.user.id), after: search.after }),
    queueCounts(),
    disputeOrganizations(),
  ]);
  const figures: [string, string, number][] = [
    ["undecided", t("admin.counts.undecided"), counts.undecided],
    ["unassigned", t("admin.counts.unassigned"), counts.unassigned],
    ["breached", t("admin.counts.breached"), counts.breachedNow],
    ...DISPUTE_TIERS.map((tier): [string, string, number] => [tier, t(`tier.long.${tier}`), counts.byTier[tier]]),
  ];
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("admin.queueTitle")} description={t("admin.queueDescription")} />
      <AdminDisputeSections current="queue" role={role} />
      <dl className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6" data-testid="queue-counts">
        {figures.map(([key, label, value]) => (
          <div key={key} className={key === "breached" && value > 0 ? "rounded-md border border-red-200 bg-red-50 px-4 py-3" : "rounded-md border border-slate-200 bg-white px-4 py-3"} data-testid={`queue-count-${key}`}>
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="tabular mt-1 text-xl font-semibold text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      <Card>
        <div className="border-b border-slate-200 px-6 py-4">
          <QueueFilters search={search} organizations={organizations} />
        </div>
        <QueueTable rows={page.rows} now={at} locale={locale} timeZone={STAFF_TIME_ZONE} />
      </Card>
      <Pager
        firstHref={search.after ? `/admin/disputes${searchString({ ...search, after: "" })}` : null}
        nextHref={page.nextCursor ? `/admin/disputes${searchString(search, { after: page.nextCursor })}` : null}
      />
    </div>
  );
}
