import { getTranslations } from "next-intl/server";
import { DateRangeFields, FilterActions, FilterInput } from "@/components/filters/filter-fields";
import type { AuditFilter } from "@/lib/server/audit/queries";

export async function AuditFilters({ filter, exportHref }: { filter: AuditFilter; exportHref: string }) {
  const t = await getTranslations("audit");
  return (
    <form method="get" className="grid gap-3 sm:grid-cols-5 sm:items-end">
      <FilterInput label={t("actor")} name="actor" defaultValue={filter.actor} placeholder="name@example.com" />
      <FilterInput label={t("action")} name="action" defaultValue={filter.action} placeholder="organization." />
      <DateRangeFields from={filter.from} to={filter.to} labels={{ from: t("from"), to: t("to") }} />
      <FilterActions exportHref={exportHref} />
    </form>
  );
}
