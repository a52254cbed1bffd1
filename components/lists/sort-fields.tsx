import { getTranslations } from "next-intl/server";
import { FilterSelect } from "@/components/filters/filter-fields";

/** The order fields of a GET filter form: `sort` among the list's keys, `dir` descending or ascending. */
export async function SortFields({ sorts, sort, dir }: { sorts: readonly string[]; sort: string; dir: string }) {
  const t = await getTranslations("dashboard.lists");
  return (
    <>
      <FilterSelect label={t("sort")} name="sort" value={sort} options={sorts.map((key) => ({ value: key, label: t(`sorts.${key}`) }))} />
      <FilterSelect
        label={t("direction")}
        name="dir"
        value={dir}
        options={[
          { value: "desc", label: t("desc") },
          { value: "asc", label: t("asc") },
        ]}
      />
    </>
  );
}
