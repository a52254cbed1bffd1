import { getTranslations } from "next-intl/server";
import { DateRangeFields, FilterActions, filterControl as control, filterLabel as label } from "@/components/filters/filter-actions";
import type { ConversionSearch } from "@/lib/server/fx/history";

/** A plain GET form: the filter lives in the URL, so the CSV export carries the same filter as the view. */
export async function ConversionFilters({ search, currencies, exportHref }: { search: ConversionSearch; currencies: string[]; exportHref: string }) {
  const t = await getTranslations("fx.history.filters");
  const common = await getTranslations("common");
  return (
    <form method="get" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 lg:items-end" aria-label={common("labels.filters")}>
      <label className={label}>
        {t("currency")}
        <select name="currency" defaultValue={search.currency} className={control}>
          <option value="">{t("any")}</option>
          {currencies.map((currency) => (
            <option key={currency} value={currency}>
              {currency}
            </option>
          ))}
        </select>
      </label>
      <DateRangeFields from={search.from} to={search.to} labels={{ from: t("from"), to: t("to") }} />
      <FilterActions exportHref={exportHref} />
    </form>
  );
}
