import { getLocale, getTranslations } from "next-intl/server";
import { TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { DueBucketExposure } from "@/lib/domain/exposure";
import { formatMoney } from "@/lib/domain/money";
import { ScrollTable } from "./scroll-table";

/** The due-month chart's figures: each bucket's amounts per currency and their CNY equivalent. */
export async function DueMonthTable({ buckets, labels }: { buckets: DueBucketExposure[]; labels: Record<string, string> }) {
  const t = await getTranslations("exposure.charts.byMonth");
  const locale = (await getLocale()) as "en" | "zh-CN";
  return (
    <ScrollTable caption={t("caption")} data-testid="exposure-due-table">
      <TableHead>
        <TableRow>
          <TableHeaderCell>{t("due")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("amounts")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("cny")}</TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {buckets.map((bucket) => (
          <TableRow key={bucket.key} data-testid="exposure-due-row" data-bucket={bucket.key}>
            <TableHeaderCell scope="row" className="text-sm font-medium tracking-normal break-words whitespace-normal text-slate-900 normal-case">
              {labels[bucket.key]}
            </TableHeaderCell>
            <TableCell numeric>
              {bucket.byCurrency.map((entry) => (
                <span key={entry.currency} className="block">
                  {formatMoney(entry.amountMinor, entry.currency, locale, { display: "code" })}
                  {entry.cnyMinor === null ? <span className="text-xs text-amber-800"> ({t("unpricedNote")})</span> : null}
                </span>
              ))}
            </TableCell>
            <TableCell numeric>{formatMoney(bucket.cnyMinor, "CNY", locale)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </ScrollTable>
  );
}
