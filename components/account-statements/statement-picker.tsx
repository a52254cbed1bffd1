import { getLocale, getTranslations } from "next-intl/server";
import { FilterSelect } from "@/components/filters/filter-fields";
import { buttonStyles } from "@/components/ui/button";
import { monthLabel } from "./month-label";

/** Month and currency of the statement, as a plain GET form: a statement's URL can be bookmarked and shared. */
export async function StatementPicker({ months, currencies, month, currency }: { months: string[]; currencies: string[]; month: string; currency: string }) {
  const t = await getTranslations("account-statements");
  const locale = await getLocale();
  return (
    <form method="get" className="flex flex-wrap items-end gap-3" aria-label={t("picker.label")}>
      <FilterSelect
        label={t("picker.month")}
        name="month"
        value={month}
        options={months.map((value, index) => ({
          value,
          label: index === 0 ? t("picker.toDate", { month: monthLabel(value, locale) }) : monthLabel(value, locale),
        }))}
      />
      <FilterSelect label={t("picker.currency")} name="currency" value={currency} options={currencies.map((code) => ({ value: code, label: code }))} />
      <button type="submit" className={buttonStyles({ size: "sm" })}>
        {t("picker.show")}
      </button>
    </form>
  );
}
