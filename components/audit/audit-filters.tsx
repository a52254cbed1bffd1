import { getTranslations } from "next-intl/server";
import { buttonStyles } from "@/components/ui/button";
import type { AuditFilter } from "@/lib/server/audit/queries";

/** A plain GET form: filters live in the URL, so a filtered view can be bookmarked and exported as it is. */
export async function AuditFilters({ filter, exportHref }: { filter: AuditFilter; exportHref: string }) {
  const t = await getTranslations("audit");
  const common = await getTranslations("common");
  const input = "block w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm";
  return (
    <form method="get" className="grid gap-3 sm:grid-cols-5 sm:items-end">
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
        {t("actor")}
        <input name="actor" defaultValue={filter.actor} className={input} placeholder="name@example.com" />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
        {t("action")}
        <input name="action" defaultValue={filter.action} className={input} placeholder="organization." />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
        {t("from")}
        <input type="date" name="from" defaultValue={filter.from} className={input} />
      </label>
      <label className="flex flex-col gap-1 text-sm font-medium text-slate-800">
        {t("to")}
        <input type="date" name="to" defaultValue={filter.to} className={input} />
      </label>
      <div className="flex gap-2">
        <button type="submit" className={buttonStyles({ size: "sm" })}>
          {common("buttons.apply")}
        </button>
        <a href={exportHref} className={buttonStyles({ size: "sm", variant: "secondary" })} download>
          {common("buttons.exportCsv")}
        </a>
      </div>
    </form>
  );
}
