import { getTranslations } from "next-intl/server";
import { DateRangeFields, FilterActions, FilterSelect } from "@/components/filters/filter-fields";
import type { ConversionSearch } from "@/lib/server/fx/history";

export async function ConversionFilters({ search, currencies, exportHref }: { search: ConversionSearch; currencies: string[]; exportHref: string }) {
  const t = await getTranslations("fx.history.filters");
  const common = await getTranslations("common");
  return (
    <form method="get" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 lg:items-end" aria-label={common("labels.filters")}>
      <FilterSelect label={t("currency")} name="currency" value={search.currency} anyLabel={t("any")} options={currencies.map((c) => ({ value: c, label: c }))} />
      <DateRangeFields from={search.from} to={search.to} labels={{ from: t("from"), to: t("to") }} />
      <FilterActions exportHref={exportHref} />
    </form>
  );
}
