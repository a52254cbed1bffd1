import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Table, TableBody, TableCell, TableEmptyRow, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { bpsPercent } from "@/lib/domain/fx/pricing";
import { formatMoney } from "@/lib/domain/money";
import type { ConversionRow } from "@/lib/server/fx/history";
import { displayRate } from "./display";

export async function ConversionTable({ rows, timeZone, caption }: { rows: ConversionRow[]; timeZone: string; caption: string }) {
  const t = await getTranslations("fx.history");
  const format = await getFormatter();
  const locale = (await getLocale()) as "en" | "zh-CN";
  return (
    <Table caption={caption}>
      <TableHead>
        <TableRow>
          <TableHeaderCell>{t("columns.time")}</TableHeaderCell>
          <TableHeaderCell numeric>
            {t("columns.sold")} / {t("columns.fee")}
          </TableHeaderCell>
          <TableHeaderCell numeric>{t("columns.bought")}</TableHeaderCell>
          <TableHeaderCell numeric>
            {t("columns.rate")} / {t("columns.mid")} / {t("columns.spread")}
          </TableHeaderCell>
          <TableHeaderCell numeric>{t("columns.cny")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.by")}</TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.length === 0 ? <TableEmptyRow colSpan={6}>{t("empty")}</TableEmptyRow> : null}
        {rows.map((row) => (
          <TableRow key={row.id} data-testid="conversion-row">
            <TableCell className="tabular text-sm">{format.dateTime(row.createdAt, { dateStyle: "short", timeStyle: "short", timeZone })}</TableCell>
            <TableCell numeric>
              <span className="block text-red-700">{formatMoney(row.sellAmountMinor, row.sellCurrency, locale, { display: "code" })}</span>
              <span className="block text-xs text-slate-500">{formatMoney(row.feeMinor, row.sellCurrency, locale, { display: "code" })}</span>
            </TableCell>
            <TableCell numeric className="text-emerald-700">{formatMoney(row.buyAmountMinor, row.buyCurrency, locale, { display: "code" })}</TableCell>
            <TableCell numeric>
              <span className="block">{displayRate(row.customerRate)}</span>
              <span className="block text-xs text-slate-500">
                {displayRate(row.mid)} · {bpsPercent(row.spreadBps)} %
              </span>
            </TableCell>
            <TableCell numeric>{formatMoney(row.cnyEquivalentMinor, "CNY", locale, { display: "code" })}</TableCell>
            <TableCell className="text-sm">{row.convertedByName}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
