import { getTranslations } from "next-intl/server";
import { DateRangeFields, FilterActions, FilterSelect } from "@/components/filters/filter-fields";
import { ExportLinks } from "@/components/lists/export-links";
import { SortFields } from "@/components/lists/sort-fields";
import { searchString } from "@/lib/domain/lists/search-params";
import { PAYOUT_SORTS, type PayoutSearch } from "@/lib/domain/payouts/list-search";
import { PAYOUT_STATUSES } from "@/lib/domain/settlement/payout";

/** The GET filter form of the payout list, with its order and the export of what it shows. */
export async function PayoutFilters({ org, search, currencies }: { org: string; search: PayoutSearch; currencies: readonly string[] }) {
  const t = await getTranslations("payouts");
  const common = await getTranslations("common");
  return (
    <div className="flex flex-col gap-3">
      <form method="get" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 lg:items-end" aria-label={common("labels.filters")}>
        <FilterSelect label={t("filters.status")} name="status" value={search.status} anyLabel={t("filters.any")} options={PAYOUT_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))} />
        <FilterSelect label={t("filters.currency")} name="currency" value={search.currency} anyLabel={t("filters.any")} options={currencies.map((c) => ({ value: c, label: c }))} />
        <DateRangeFields from={search.from} to={search.to} labels={{ from: t("filters.from"), to: t("filters.to") }} />
        <SortFields sorts={PAYOUT_SORTS} sort={search.sort} dir={search.dir} />
        <FilterActions />
      </form>
      <ExportLinks href={`/o/${org}/payouts/export`} query={searchString({ ...search, after: "" })} />
    </div>
  );
}
