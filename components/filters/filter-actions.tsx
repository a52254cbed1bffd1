import { getTranslations } from "next-intl/server";
import { buttonStyles } from "@/components/ui/button";

/** Apply and export for a GET filter form: the export link carries the same filter as the view. */
export async function FilterActions({ exportHref }: { exportHref: string }) {
  const common = await getTranslations("common");
  return (
    <div className="flex gap-2">
      <button type="submit" className={buttonStyles({ size: "sm" })}>
        {common("buttons.apply")}
      </button>
      <a href={exportHref} className={buttonStyles({ size: "sm", variant: "secondary" })} download>
        {common("buttons.exportCsv")}
      </a>
    </div>
  );
}

export const filterControl = "block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm";
export const filterLabel = "flex flex-col gap-1 text-sm font-medium text-slate-800";

/** From/to date inputs named `from` and `to`. */
export function DateRangeFields({ from, to, labels }: { from: string; to: string; labels: { from: string; to: string } }) {
  return (
    <>
      <label className={filterLabel}>
        {labels.from}
        <input type="date" name="from" defaultValue={from} className={filterControl} />
      </label>
      <label className={filterLabel}>
        {labels.to}
        <input type="date" name="to" defaultValue={to} className={filterControl} />
      </label>
    </>
  );
}
