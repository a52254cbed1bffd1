import { getTranslations } from "next-intl/server";
import { DateRangeFields, FilterActions, FilterInput, FilterSelect } from "@/components/filters/filter-fields";
import type { HistorySearch } from "@/lib/server/balances/history-filter";

const ACCOUNTS = ["available", "pending", "reserved", "unapplied", "buyer_credit"] as const;

export async function HistoryFilters({ search, currencies, types, exportHref }: { search: HistorySearch; currencies: string[]; types: string[]; exportHref: string }) {
  const t = await getTranslations("balances");
  const common = await getTranslations("common");
  const any = t("filters.any");
  return (
    <form method="get" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 lg:items-end" aria-label={common("labels.filters")}>
      <FilterSelect label={t("filters.currency")} name="currency" value={search.currency} anyLabel={any} options={currencies.map((c) => ({ value: c, label: c }))} />
      <FilterSelect label={t("filters.account")} name="account" value={search.account} anyLabel={any} options={ACCOUNTS.map((a) => ({ value: a, label: t(a) }))} />
      <FilterSelect
        label={t("filters.type")}
        name="type"
        value={search.type}
        anyLabel={any}
        options={types.map((type) => ({ value: type, label: t.has(`types.${type}`) ? t(`types.${type}`) : type }))}
      />
      <DateRangeFields from={search.from} to={search.to} labels={{ from: t("filters.from"), to: t("filters.to") }} />
      <FilterInput label={t("filters.min")} name="min" inputMode="decimal" defaultValue={search.min} />
      <FilterInput label={t("filters.max")} name="max" inputMode="decimal" defaultValue={search.max} />
      <FilterActions exportHref={exportHref} />
    </form>
  );
}
