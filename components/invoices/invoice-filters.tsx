import { getTranslations } from "next-intl/server";
import { DateRangeFields, FilterActions, FilterInput, FilterSelect } from "@/components/filters/filter-fields";
import { ExportLinks } from "@/components/lists/export-links";
import { SortFields } from "@/components/lists/sort-fields";
import { AGING_BUCKETS, agingSlug } from "@/lib/domain/dashboard";
import { INVOICE_CURRENCIES } from "@/lib/domain/invoices";
import { INVOICE_SORTS, INVOICE_STATUS_FILTERS, type InvoiceSearch } from "@/lib/domain/invoices/list-search";
import { searchString } from "@/lib/domain/lists/search-params";

/** The GET filter form of the invoice list, with its order and the export of what it shows. */
export async function InvoiceFilters({ org, search, buyers }: { org: string; search: InvoiceSearch; buyers: { id: string; name: string }[] }) {
  const t = await getTranslations("invoices");
  const lists = await getTranslations("dashboard.lists");
  const aging = await getTranslations("dashboard.aging.buckets");
  const common = await getTranslations("common");
  const statusLabel = (status: (typeof INVOICE_STATUS_FILTERS)[number]) => (status === "issued" || status === "unpaid" ? lists(`status.${status}`) : t(`status.${status}`));
  return (
    <div className="flex flex-col gap-3">
      <form method="get" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end" aria-label={common("labels.filters")}>
        <FilterSelect label={t("filters.status")} name="status" value={search.status} anyLabel={t("filters.any")} options={INVOICE_STATUS_FILTERS.map((s) => ({ value: s, label: statusLabel(s) }))} />
        <FilterSelect label={t("filters.buyer")} name="buyer" value={search.buyer} anyLabel={t("filters.any")} options={buyers.map((b) => ({ value: b.id, label: b.name }))} />
        <FilterSelect label={t("filters.currency")} name="currency" value={search.currency} anyLabel={t("filters.any")} options={INVOICE_CURRENCIES.map((c) => ({ value: c, label: c }))} />
        <FilterSelect label={lists("aging")} name="aging" value={search.aging} anyLabel={t("filters.any")} options={AGING_BUCKETS.map((bucket) => ({ value: agingSlug(bucket), label: aging(bucket) }))} />
        {search.asOf ? <input type="hidden" name="asOf" value={search.asOf} /> : null}
        <DateRangeFields from={search.from} to={search.to} labels={{ from: t("filters.from"), to: t("filters.to") }} />
        <FilterInput label={t("filters.q")} name="q" defaultValue={search.q} placeholder={t("filters.qPlaceholder")} />
        <SortFields sorts={INVOICE_SORTS} sort={search.sort} dir={search.dir} />
        <FilterActions />
      </form>
      <ExportLinks href={`/o/${org}/invoices/export`} query={searchString({ ...search, after: "" })} />
    </div>
  );
}
