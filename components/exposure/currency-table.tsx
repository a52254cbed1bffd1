import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { displayRate } from "@/components/fx/display";
import { Badge } from "@/components/ui/badge";
import { TableBody, TableCell, TableFoot, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { CurrencyExposure, Exposure } from "@/lib/domain/exposure";
import { formatMoney } from "@/lib/domain/money";
import { ScrollTable } from "./scroll-table";

/** One row per foreign currency: amounts in the currency with their CNY equivalent beneath, the rate and the share. */
export async function CurrencyTable({ exposure, timeZone }: { exposure: Exposure; timeZone: string }) {
  const t = await getTranslations("exposure.currencies");
  const format = await getFormatter();
  const locale = (await getLocale()) as "en" | "zh-CN";
  const money = (minor: bigint, currency: string) => formatMoney(minor, currency, locale, { display: "code" });
  const cny = (minor: bigint) => formatMoney(minor, "CNY", locale);

  function amount(row: CurrencyExposure, minor: bigint, cnyMinor: bigint | undefined, strong = false) {
    return (
      <>
        <span className={strong ? "block font-medium text-slate-900" : "block"}>{money(minor, row.currency)}</span>
        {cnyMinor !== undefined ? <span className="block text-xs text-slate-500">{cny(cnyMinor)}</span> : null}
      </>
    );
  }

  function rate(row: CurrencyExposure) {
    if (row.rate.status === "fresh") return <span className="tabular">{displayRate(row.rate.mid)}</span>;
    if (row.rate.status === "stale") return <Badge tone="warning">{t("rateStale", { time: format.dateTime(row.rate.asOf, { dateStyle: "medium", timeZone }) })}</Badge>;
    return <Badge tone="danger">{t("rateUnavailable")}</Badge>;
  }

  return (
    <ScrollTable caption={t("caption")} data-testid="exposure-currency-table">
      <TableHead>
        <TableRow>
          <TableHeaderCell>{t("currency")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("receivables")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("balances")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("total")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("rate")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("share")}</TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {exposure.currencies.map((row) => (
          <TableRow key={row.currency} data-testid="exposure-currency-row" data-currency={row.currency}>
            <TableHeaderCell scope="row" className="text-sm font-semibold tracking-normal text-slate-900 normal-case">
              {row.currency}
            </TableHeaderCell>
            <TableCell numeric>{amount(row, row.receivablesMinor, row.cny?.receivablesMinor)}</TableCell>
            <TableCell numeric>{amount(row, row.balancesMinor, row.cny?.balancesMinor)}</TableCell>
            <TableCell numeric>{amount(row, row.totalMinor, row.cny?.totalMinor, true)}</TableCell>
            <TableCell numeric>{rate(row)}</TableCell>
            <TableCell numeric>{row.sharePercent !== null ? `${row.sharePercent} %` : "—"}</TableCell>
          </TableRow>
        ))}
      </TableBody>
      <TableFoot>
        <TableRow>
          <TableHeaderCell scope="row" className="text-sm tracking-normal text-slate-900 normal-case">
            {t("totalRow")}
          </TableHeaderCell>
          <TableCell numeric>{cny(exposure.totals.receivablesMinor)}</TableCell>
          <TableCell numeric>{cny(exposure.totals.balancesMinor)}</TableCell>
          <TableCell numeric className="font-semibold">
            {cny(exposure.totals.totalMinor)}
          </TableCell>
          <TableCell />
          <TableCell numeric>{exposure.totals.totalMinor !== 0n ? "100 %" : "—"}</TableCell>
        </TableRow>
      </TableFoot>
    </ScrollTable>
  );
}
