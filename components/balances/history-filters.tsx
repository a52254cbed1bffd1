import { getTranslations } from "next-intl/server";
import { DateRangeFields, FilterActions, filterControl as control, filterLabel as label } from "@/components/filters/filter-actions";
import type { HistorySearch } from "@/lib/server/balances/history-filter";

const ACCOUNTS = ["available", "pending", "reserved"] as const;

/** A plain GET form: the filter lives in the URL, so a view can be bookmarked and exported as it is. */
export async function HistoryFilters({ search, currencies, types, exportHref }: { search: HistorySearch; currencies: string[]; types: string[]; exportHref: string }) {
  const t = await getTranslations("balances");
  const common = await getTranslations("common");
  return (
    <form method="get" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 lg:items-end" aria-label={common("labels.filters")}>
      <label className={label}>
        {t("filters.currency")}
        <select name="currency" defaultValue={search.currency} className={control}>
          <option value="">{t("filters.any")}</option>
          {currencies.map((currency) => (
            <option key={currency} value={currency}>
              {currency}
            </option>
          ))}
        </select>
      </label>
      <label className={label}>
        {t("filters.account")}
        <select name="account" defaultValue={search.account} className={control}>
          <option value="">{t("filters.any")}</option>
          {ACCOUNTS.map((account) => (
            <option key={account} value={account}>
              {t(account)}
            </option>
          ))}
        </select>
      </label>
      <label className={label}>
        {t("filters.type")}
        <select name="type" defaultValue={search.type} className={control}>
          <option value="">{t("filters.any")}</option>
          {types.map((type) => (
            <option key={type} value={type}>
              {t.has(`types.${type}`) ? t(`types.${type}`) : type}
            </option>
          ))}
        </select>
      </label>
      <DateRangeFields from={search.from} to={search.to} labels={{ from: t("filters.from"), to: t("filters.to") }} />
      <label className={label}>
        {t("filters.min")}
        <input name="min" inputMode="decimal" defaultValue={search.min} className={control} />
      </label>
      <label className={label}>
        {t("filters.max")}
        <input name="max" inputMode="decimal" defaultValue={search.max} className={control} />
      </label>
      <FilterActions exportHref={exportHref} />
    </form>
  );
}
