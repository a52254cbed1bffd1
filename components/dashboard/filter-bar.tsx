"use client";

import { useTranslations } from "next-intl";
import { parseAsString, useQueryStates } from "nuqs";
import { useTransition } from "react";
import { buttonStyles } from "@/components/ui/button";

const control = "block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm";
const labelStyle = "flex min-w-0 flex-col gap-1 text-sm font-medium text-slate-800";

const parsers = {
  from: parseAsString.withDefault(""),
  to: parseAsString.withDefault(""),
  currency: parseAsString.withDefault(""),
  buyer: parseAsString.withDefault(""),
};

/**
 * The dashboard's filters, kept in the URL (so a view can be shared and reloaded): each change replaces the query and
 * the server renders the figures again.
 */
export function DashboardFilterBar({ currencies, buyers }: { currencies: string[]; buyers: { id: string; name: string }[] }) {
  const t = useTranslations("dashboard.filters");
  const [pending, startTransition] = useTransition();
  const [filters, setFilters] = useQueryStates(parsers, { shallow: false, startTransition });
  const anySet = Object.values(filters).some(Boolean);
  return (
    <form role="search" aria-label={t("label")} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end" onSubmit={(event) => event.preventDefault()} aria-busy={pending}>
      <label className={labelStyle}>
        {t("from")}
        <input type="date" name="from" className={control} value={filters.from} max={filters.to || undefined} onChange={(event) => void setFilters({ from: event.target.value })} />
      </label>
      <label className={labelStyle}>
        {t("to")}
        <input type="date" name="to" className={control} value={filters.to} min={filters.from || undefined} onChange={(event) => void setFilters({ to: event.target.value })} />
      </label>
      <label className={labelStyle}>
        {t("currency")}
        <select name="currency" className={control} value={filters.currency} onChange={(event) => void setFilters({ currency: event.target.value })}>
          <option value="">{t("any")}</option>
          {currencies.map((currency) => (
            <option key={currency} value={currency}>
              {currency}
            </option>
          ))}
        </select>
      </label>
      <label className={labelStyle}>
        {t("buyer")}
        <select name="buyer" className={control} value={filters.buyer} onChange={(event) => void setFilters({ buyer: event.target.value })}>
          <option value="">{t("any")}</option>
          {buyers.map((buyer) => (
            <option key={buyer.id} value={buyer.id}>
              {buyer.name}
            </option>
          ))}
        </select>
      </label>
      <div className="flex items-center gap-3">
        <button type="button" className={buttonStyles({ size: "sm", variant: "secondary" })} disabled={!anySet} onClick={() => void setFilters({ from: null, to: null, currency: null, buyer: null })}>
          {t("reset")}
        </button>
        <span role="status" className="text-sm text-slate-600">
          {pending ? t("updating") : ""}
        </span>
      </div>
    </form>
  );
}
