import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { DateRangeFields, FilterActions, FilterInput, FilterSelect } from "@/components/filters/filter-fields";
import { ExportLinks } from "@/components/lists/export-links";
import { SortFields } from "@/components/lists/sort-fields";
import { cn } from "@/components/ui/cn";
import { searchString } from "@/lib/domain/lists/search-params";
import { PAYMENT_SORTS, PAYMENT_STATUSES, PAYMENT_TABS, type PaymentSearch } from "@/lib/domain/payments/list-search";

/** The queue / all tabs, the GET filter form with the list's order, and the export of what it shows; the whole filter lives in the URL. */
export async function PaymentFilters({
  org,
  search,
  currencies,
  buyers,
  queueCount,
}: {
  org: string;
  search: PaymentSearch;
  currencies: string[];
  buyers: { id: string; name: string }[];
  queueCount: number;
}) {
  const t = await getTranslations("matching");
  const lists = await getTranslations("dashboard.lists");
  const common = await getTranslations("common");
  return (
    <div className="flex flex-col gap-4">
      <nav aria-label={t("title")} className="flex gap-1 border-b border-slate-200">
        {PAYMENT_TABS.map((tab) => (
          <Link
            key={tab}
            href={`/o/${org}/payments${searchString({ ...search, tab, after: "" })}`}
            aria-current={search.tab === tab ? "page" : undefined}
            className={cn(
              "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
              search.tab === tab ? "border-teal-700 text-teal-800" : "border-transparent text-slate-600 hover:text-slate-900",
            )}
          >
            {t(`tabs.${tab}`)}
            {tab === "queue" ? <span className="ml-2 rounded-full bg-slate-100 px-2 text-xs text-slate-700">{queueCount}</span> : null}
          </Link>
        ))}
      </nav>
      <form method="get" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end" aria-label={common("labels.filters")}>
        <input type="hidden" name="tab" value={search.tab} />
        <FilterSelect label={t("filters.status")} name="status" value={search.status} anyLabel={t("filters.any")} options={PAYMENT_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
        <FilterSelect label={t("filters.currency")} name="currency" value={search.currency} anyLabel={t("filters.any")} options={currencies.map((c) => ({ value: c, label: c }))} />
        <FilterSelect label={lists("buyer")} name="buyer" value={search.buyer} anyLabel={t("filters.any")} options={buyers.map((b) => ({ value: b.id, label: b.name }))} />
        <DateRangeFields from={search.from} to={search.to} labels={{ from: t("filters.from"), to: t("filters.to") }} />
        <FilterInput label={t("filters.q")} name="q" type="search" defaultValue={search.q} />
        <SortFields sorts={PAYMENT_SORTS} sort={search.sort} dir={search.dir} />
        <FilterActions />
      </form>
      <ExportLinks href={`/o/${org}/payments/export`} query={searchString({ ...search, after: "" })} />
    </div>
  );
}
