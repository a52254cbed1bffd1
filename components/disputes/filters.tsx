import { getTranslations } from "next-intl/server";
import { FilterActions, FilterInput, FilterSelect } from "@/components/filters/filter-fields";
import { ExportLinks } from "@/components/lists/export-links";
import { SortFields } from "@/components/lists/sort-fields";
import { DISPUTE_CATEGORIES, DISPUTE_OUTCOMES, DISPUTE_STATUSES, DISPUTE_TIERS, ROOT_CAUSES } from "@/lib/domain/disputes";
import { ORG_STATUS_FILTERS, ORGANIZATION_DISPUTE_SORTS, type LibrarySearch, type OrganizationDisputeList, type QueueSearch } from "@/lib/domain/disputes/list-search";
import type { PeriodSearch } from "@/lib/domain/disputes/period-search";
import { searchString } from "@/lib/domain/lists/search-params";

/* GET filter forms above the dispute lists: the filter lives in the URL. */

export async function OrganizationDisputeFilters({ org, search }: { org: string; search: OrganizationDisputeList }) {
  const t = await getTranslations("disputes");
  const common = await getTranslations("common");
  return (
    <div className="flex flex-col gap-3">
      <form method="get" className="grid gap-3 sm:grid-cols-3 sm:items-end lg:grid-cols-5" aria-label={common("labels.filters")}>
        <FilterSelect
          label={t("filters.status")}
          name="status"
          value={search.status}
          anyLabel={t("filters.all")}
          options={ORG_STATUS_FILTERS.map((status) => ({ value: status, label: status === "undecided" ? t("filters.open") : status === "decided" ? t("filters.decided") : t(`status.${status}`) }))}
        />
        <FilterSelect label={t("filters.category")} name="category" value={search.category} anyLabel={t("filters.any")} options={DISPUTE_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
        <SortFields sorts={ORGANIZATION_DISPUTE_SORTS} sort={search.sort} dir={search.dir} />
        <FilterActions />
      </form>
      <ExportLinks href={`/o/${org}/disputes/export`} query={searchString({ ...search, after: "" })} />
    </div>
  );
}

export async function QueueFilters({ search, organizations }: { search: QueueSearch; organizations: readonly { id: string; name: string }[] }) {
  const t = await getTranslations("disputes");
  const common = await getTranslations("common");
  return (
    <div className="flex flex-col gap-3">
      <form method="get" className="grid gap-3 sm:grid-cols-3 lg:grid-cols-7 lg:items-end" aria-label={common("labels.filters")}>
        <FilterSelect
          label={t("filters.status")}
          name="status"
          value={search.status}
          options={[{ value: "undecided", label: t("filters.open") }, ...DISPUTE_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))]}
        />
        <FilterSelect label={t("filters.tier")} name="tier" value={search.tier} anyLabel={t("filters.any")} options={DISPUTE_TIERS.map((tier) => ({ value: tier, label: t(`tier.long.${tier}`) }))} />
        <FilterSelect label={t("filters.category")} name="category" value={search.category} anyLabel={t("filters.any")} options={DISPUTE_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
        <FilterSelect label={t("filters.organization")} name="organization" value={search.organization} anyLabel={t("filters.any")} options={organizations.map((o) => ({ value: o.id, label: o.name }))} />
        <FilterSelect label={t("filters.breached")} name="breached" value={search.breached} anyLabel={t("filters.any")} options={[{ value: "1", label: t("filters.breachedOnly") }]} />
        <FilterSelect
          label={t("admin.filters.assignee")}
          name="assignee"
          value={search.assignee}
          anyLabel={t("filters.any")}
          options={[
            { value: "me", label: t("admin.filters.mine") },
            { value: "unassigned", label: t("admin.filters.unassigned") },
          ]}
        />
        <FilterActions />
      </form>
      <ExportLinks href="/admin/disputes/export" query={searchString({ ...search, after: "" })} />
    </div>
  );
}

export async function LibraryFilters({ search }: { search: LibrarySearch }) {
  const t = await getTranslations("disputes");
  const common = await getTranslations("common");
  return (
    <form method="get" role="search" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end" aria-label={common("labels.filters")}>
      <FilterInput label={t("admin.library.q")} name="q" type="search" defaultValue={search.q} maxLength={100} />
      <FilterSelect label={t("rootCause.label")} name="rootCause" value={search.rootCause} anyLabel={t("filters.any")} options={ROOT_CAUSES.map((c) => ({ value: c, label: t(`rootCause.${c}`) }))} />
      <FilterSelect label={t("filters.category")} name="category" value={search.category} anyLabel={t("filters.any")} options={DISPUTE_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
      <FilterSelect label={t("outcome.label")} name="outcome" value={search.outcome} anyLabel={t("filters.any")} options={DISPUTE_OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) }))} />
      <FilterActions />
    </form>
  );
}

export async function PeriodFilters({ search }: { search: PeriodSearch }) {
  const t = await getTranslations("disputes");
  const common = await getTranslations("common");
  return (
    <form method="get" className="grid gap-3 sm:grid-cols-3 sm:items-end" aria-label={common("labels.filters")}>
      <FilterInput label={t("statistics.from")} type="date" name="from" defaultValue={search.from} />
      <FilterInput label={t("statistics.to")} type="date" name="to" defaultValue={search.to} />
      <FilterActions />
    </form>
  );
}
