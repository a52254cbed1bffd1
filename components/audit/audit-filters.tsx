import { getTranslations } from "next-intl/server";
import { DateRangeFields, FilterActions, FilterInput } from "@/components/filters/filter-fields";
import { ExportLinks } from "@/components/lists/export-links";
import { searchString } from "@/lib/domain/lists/search-params";
import type { AuditFilter } from "@/lib/server/audit/queries";

/** The GET filter form of an audit log, and the export (CSV, Excel) of what it shows from `exportHref`. */
export async function AuditFilters({ filter, exportHref }: { filter: AuditFilter; exportHref: string }) {
  const t = await getTranslations("audit");
  const common = await getTranslations("common");
  return (
    <div className="flex flex-col gap-3">
      <form method="get" className="grid gap-3 sm:grid-cols-5 sm:items-end" aria-label={common("labels.filters")}>
        <FilterInput label={t("actor")} name="actor" defaultValue={filter.actor} placeholder="name@example.com" />
        <FilterInput label={t("action")} name="action" defaultValue={filter.action} placeholder="organization." />
        <DateRangeFields from={filter.from} to={filter.to} labels={{ from: t("from"), to: t("to") }} />
        <FilterActions />
      </form>
      <ExportLinks href={exportHref} query={searchString({ ...filter, before: "" })} />
    </div>
  );
}
