import { getTranslations } from "next-intl/server";
import { buttonStyles } from "@/components/ui/button";

/** CSV and Excel downloads of the list as filtered: `href` is the export route, `query` the list's filter (`?a=b` or ""). */
export async function ExportLinks({ href, query }: { href: string; query: string }) {
  const t = await getTranslations("dashboard.lists");
  const withFormat = (format: "csv" | "xlsx") => `${href}${query ? `${query}&` : "?"}format=${format}`;
  return (
    <div role="group" aria-label={t("exportLabel")} className="flex flex-wrap gap-2">
      <a href={withFormat("csv")} download className={buttonStyles({ size: "sm", variant: "secondary" })} data-testid="export-csv">
        {t("exportCsv")}
      </a>
      <a href={withFormat("xlsx")} download className={buttonStyles({ size: "sm", variant: "secondary" })} data-testid="export-xlsx">
        {t("exportXlsx")}
      </a>
    </div>
  );
}
