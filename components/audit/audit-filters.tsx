import { getTranslations } from "next-intl/server";
import { DateRangeFields, FilterActions, filterControl, filterLabel } from "@/components/filters/filter-actions";
import type { AuditFilter } from "@/lib/server/audit/queries";

/** A plain GET form: filters live in the URL, so a filtered view can be bookmarked and exported as it is. */
export async function AuditFilters({ filter, exportHref }: { filter: AuditFilter; exportHref: string }) {
  const t = await getTranslations("audit");
  return (
    <form method="get" className="grid gap-3 sm:grid-cols-5 sm:items-end">
      <label className={filterLabel}>
        {t("actor")}
        <input name="actor" defaultValue={filter.actor} className={filterControl} placeholder="name@example.com" />
      </label>
      <label className={filterLabel}>
        {t("action")}
        <input name="action" defaultValue={filter.action} className={filterControl} placeholder="organization." />
      </label>
      <DateRangeFields from={filter.from} to={filter.to} labels={{ from: t("from"), to: t("to") }} />
      <FilterActions exportHref={exportHref} />
    </form>
  );
}
