import { getTranslations } from "next-intl/server";
import { DateRangeFields, FilterActions, FilterInput, FilterSelect } from "@/components/filters/filter-fields";
import { INVOICE_CURRENCIES } from "@/lib/domain/invoices";
import { INVOICE_STATUS_FILTERS, type InvoiceSearch } from "@/lib/server/invoices/list";

export async function InvoiceFilters({ search, buyers }: { search: InvoiceSearch; buyers: { id: string; name: string }[] }) {
  const t = await getTranslations("invoices");
  const common = await getTranslations("common");
  return (
    <form method="get" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-6 lg:items-end" aria-label={common("labels.filters")}>
      <FilterSelect label={t("filters.status")} name="status" value={search.status} anyLabel={t("filters.any")} options={INVOICE_STATUS_FILTERS.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
      <FilterSelect label={t("filters.buyer")} name="buyer" value={search.buyer} anyLabel={t("filters.any")} options={buyers.map((b) => ({ value: b.id, label: b.name }))} />
      <FilterSelect label={t("filters.currency")} name="currency" value={search.currency} anyLabel={t("filters.any")} options={INVOICE_CURRENCIES.map((c) => ({ value: c, label: c }))} />
      <DateRangeFields from={search.from} to={search.to} labels={{ from: t("filters.from"), to: t("filters.to") }} />
      <FilterInput label={t("filters.q")} name="q" defaultValue={search.q} placeholder={t("filters.qPlaceholder")} />
      <FilterActions />
    </form>
  );
}
