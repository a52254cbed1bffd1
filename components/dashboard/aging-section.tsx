import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { currencyColors } from "@/components/exposure/chart-data";
import { ChartFigure } from "@/components/exposure/chart-figure";
import { ScrollTable } from "@/components/exposure/scroll-table";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { TableBody, TableCell, TableFoot, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { Aging } from "@/lib/domain/dashboard";
import { formatMoney } from "@/lib/domain/money";
import { yuanOf } from "./chart-data";
import { StackedBarChart, type StackedDatum } from "./dashboard-charts";
import { agingHref, type LinkScope } from "./links";

/** Receivables by days past due, stacked by currency; each bar and each table row opens the invoices behind it. */
export async function AgingSection({ aging, mids, scope }: { aging: Aging; mids: Record<string, string>; scope: LinkScope }) {
  const t = await getTranslations("dashboard.aging");
  const charts = await getTranslations("dashboard.charts");
  const locale = (await getLocale()) as "en" | "zh-CN";
  const colors = currencyColors(aging.currencies);
  const priced = aging.currencies.filter((currency) => currency === "CNY" || mids[currency] !== undefined);
  const data: StackedDatum[] = aging.buckets.map((bucket) => ({
    label: t(`buckets.${bucket.bucket}`),
    hrefs: { "*": agingHref(scope, bucket.bucket) },
    ...Object.fromEntries(bucket.byCurrency.flatMap((entry) => {
      const yuan = yuanOf(entry.amountMinor, entry.currency, mids);
      return yuan === null ? [] : [[entry.currency, yuan]];
    })),
  }));
  return (
    <Card>
      <CardHeader title={t("title")} description={t("description")} />
      <CardBody className="flex flex-col gap-4">
        {aging.currencies.length === 0 ? (
          <p className="text-sm text-slate-600">{t("empty")}</p>
        ) : (
          <ChartFigure
            id="dashboard-aging"
            title={t("title")}
            description={t("description")}
            keyboardNote={charts("keyboard")}
            alternative={
              <ScrollTable caption={t("caption")} data-testid="aging-table">
                <TableHead>
                  <TableRow>
                    <TableHeaderCell>{t("bucket")}</TableHeaderCell>
                    <TableHeaderCell numeric>{t("amounts")}</TableHeaderCell>
                    <TableHeaderCell numeric>{t("cny")}</TableHeaderCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {aging.buckets.map((bucket) => (
                    <TableRow key={bucket.bucket} data-testid="aging-row" data-bucket={bucket.bucket}>
                      <TableHeaderCell scope="row" className="text-sm font-medium tracking-normal whitespace-normal text-slate-900 normal-case">
                        <Link href={agingHref(scope, bucket.bucket)} className="text-teal-800 underline-offset-2 hover:underline" aria-label={t("open", { bucket: t(`buckets.${bucket.bucket}`) })}>
                          {t(`buckets.${bucket.bucket}`)}
                        </Link>
                      </TableHeaderCell>
                      <TableCell numeric>
                        {bucket.byCurrency.length === 0 ? "—" : bucket.byCurrency.map((entry) => (
                          <span key={entry.currency} className="block">
                            {formatMoney(entry.amountMinor, entry.currency, locale, { display: "code" })}
                          </span>
                        ))}
                      </TableCell>
                      <TableCell numeric data-testid="aging-cny">{formatMoney(bucket.cnyMinor, "CNY", locale)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
                <TableFoot>
                  <TableRow>
                    <TableHeaderCell scope="row" className="text-sm tracking-normal text-slate-900 normal-case">
                      {t("total")}
                    </TableHeaderCell>
                    <TableCell />
                    <TableCell numeric className="font-semibold">
                      {formatMoney(aging.openCnyMinor, "CNY", locale)}
                    </TableCell>
                  </TableRow>
                </TableFoot>
              </ScrollTable>
            }
          >
            <StackedBarChart data={data} series={priced.map((currency) => ({ key: currency, name: currency, color: colors[currency]!, stack: "aging" }))} title={t("title")} locale={locale} everyLabel />
          </ChartFigure>
        )}
      </CardBody>
    </Card>
  );
}
