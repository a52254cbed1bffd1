import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { currencyColors } from "@/components/exposure/chart-data";
import { ChartFigure } from "@/components/exposure/chart-figure";
import { ScrollTable } from "@/components/exposure/scroll-table";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { DateRange, MonthlySeries } from "@/lib/domain/dashboard";
import { formatMoney } from "@/lib/domain/money";
import { monthLabel, yuanOf } from "./chart-data";
import { StackedBarChart, type BarSeries, type StackedDatum } from "./dashboard-charts";
import { monthInvoicesHref, monthPaymentsHref, type LinkScope } from "./links";

/** Money received per month by currency with the invoices issued beside it; bars and table entries open the payments or invoices. */
export async function CollectionsSection({
  collected,
  invoiced,
  range,
  mids,
  scope,
}: {
  collected: MonthlySeries;
  invoiced: MonthlySeries;
  range: DateRange;
  mids: Record<string, string>;
  scope: LinkScope;
}) {
  const t = await getTranslations("dashboard.collections");
  const charts = await getTranslations("dashboard.charts");
  const format = await getFormatter();
  const locale = (await getLocale()) as "en" | "zh-CN";
  const currencies = [...new Set([...collected.keys, ...invoiced.keys])].sort();
  const colors = currencyColors(currencies);
  const priced = currencies.filter((currency) => currency === "CNY" || mids[currency] !== undefined);
  const series: BarSeries[] = priced.flatMap((currency) => [
    { key: `collected_${currency}`, name: t("collectedSeries", { currency }), color: colors[currency]!, stack: "collected" },
    { key: `invoiced_${currency}`, name: t("invoicedSeries", { currency }), color: colors[currency]!, stack: "invoiced", faded: true },
  ]);
  const data: StackedDatum[] = collected.points.map((point, index) => {
    const issued = invoiced.points[index]!;
    const datum: StackedDatum = { label: monthLabel(format, point.month, "short"), hrefs: {} };
    for (const currency of priced) {
      const inCollected = point.amounts[currency] ?? 0n;
      const inInvoiced = issued.amounts[currency] ?? 0n;
      datum[`collected_${currency}`] = yuanOf(inCollected, currency, mids) ?? 0;
      datum[`invoiced_${currency}`] = yuanOf(inInvoiced, currency, mids) ?? 0;
      datum.hrefs[`collected_${currency}`] = monthPaymentsHref(scope, range, point.month, currency);
      datum.hrefs[`invoiced_${currency}`] = monthInvoicesHref(scope, range, point.month, currency);
    }
    return datum;
  });
  const amounts = (values: Readonly<Record<string, bigint>>, href: (currency: string) => string, label: (currency: string) => string) => {
    const present = currencies.filter((currency) => (values[currency] ?? 0n) !== 0n);
    if (present.length === 0) return "—";
    return present.map((currency) => (
      <Link key={currency} href={href(currency)} className="block text-teal-800 underline-offset-2 hover:underline" aria-label={`${label(currency)}: ${formatMoney(values[currency]!, currency, locale, { display: "code" })}`}>
        {formatMoney(values[currency]!, currency, locale, { display: "code" })}
      </Link>
    ));
  };
  return (
    <Card>
      <CardHeader title={t("title")} description={t("description")} />
      <CardBody className="flex flex-col gap-4">
        {currencies.length === 0 ? (
          <p className="text-sm text-slate-600">{t("empty")}</p>
        ) : (
          <ChartFigure
            id="dashboard-collections"
            title={t("title")}
            description={t("description")}
            keyboardNote={charts("keyboard")}
            alternative={
              <ScrollTable caption={t("caption")} data-testid="collections-table">
                <TableHead>
                  <TableRow>
                    <TableHeaderCell>{t("month")}</TableHeaderCell>
                    <TableHeaderCell numeric>{t("collected")}</TableHeaderCell>
                    <TableHeaderCell numeric>{t("invoiced")}</TableHeaderCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {collected.points.map((point, index) => {
                    const month = monthLabel(format, point.month, "long");
                    return (
                      <TableRow key={point.month} data-testid="collections-row" data-month={point.month}>
                        <TableHeaderCell scope="row" className="text-sm font-medium tracking-normal whitespace-nowrap text-slate-900 normal-case">
                          {month}
                        </TableHeaderCell>
                        <TableCell numeric data-testid="collections-collected">
                          {amounts(point.amounts, (currency) => monthPaymentsHref(scope, range, point.month, currency), (currency) => t("openPayments", { month, currency }))}
                        </TableCell>
                        <TableCell numeric>
                          {amounts(invoiced.points[index]!.amounts, (currency) => monthInvoicesHref(scope, range, point.month, currency), (currency) => t("openInvoices", { month, currency }))}
                        </TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              </ScrollTable>
            }
          >
            <StackedBarChart data={data} series={series} title={t("title")} locale={locale} />
          </ChartFigure>
        )}
      </CardBody>
    </Card>
  );
}
