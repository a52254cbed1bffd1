import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { yuanForChart } from "@/components/exposure/chart-data";
import { ChartFigure } from "@/components/exposure/chart-figure";
import { ScrollTable } from "@/components/exposure/scroll-table";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { MonthlySeries } from "@/lib/domain/dashboard";
import { formatMoney } from "@/lib/domain/money";
import { monthLabel } from "./chart-data";
import { StackedBarChart, type StackedDatum } from "./dashboard-charts";

/** Colours per fee type, dark enough for 3:1 against white. */
const TYPE_COLORS: Record<string, string> = {
  collection: "#0f766e",
  risk_surcharge: "#b45309",
  payout: "#0369a1",
  expedited_payout: "#6d28d9",
  statement_import: "#475569",
  chargeback: "#be123c",
};

/** Fees per month stacked by type, in CNY; the table gives each month's amounts per type and the month's total. */
export async function FeesSection({ fees, unpriced }: { fees: MonthlySeries; unpriced: readonly string[] }) {
  const t = await getTranslations("dashboard.fees");
  const charts = await getTranslations("dashboard.charts");
  const format = await getFormatter();
  const locale = (await getLocale()) as "en" | "zh-CN";
  const cny = (minor: bigint) => formatMoney(minor, "CNY", locale);
  const typeName = (type: string) => (t.has(`types.${type}`) ? t(`types.${type}`) : type);
  const data: StackedDatum[] = fees.points.map((point) => ({
    label: monthLabel(format, point.month, "short"),
    hrefs: {},
    ...Object.fromEntries(fees.keys.map((type) => [type, yuanForChart(point.amounts[type] ?? 0n)])),
  }));
  return (
    <Card>
      <CardHeader title={t("title")} description={t("description")} />
      <CardBody className="flex flex-col gap-4">
        {unpriced.length > 0 ? <Alert tone="warning">{t("unpriced", { currencies: unpriced.join(", ") })}</Alert> : null}
        {fees.keys.length === 0 ? (
          <p className="text-sm text-slate-600">{t("empty")}</p>
        ) : (
          <ChartFigure
            id="dashboard-fees"
            title={t("title")}
            description={t("description")}
            keyboardNote={charts("keyboard")}
            alternative={
              <ScrollTable caption={t("caption")} data-testid="fees-table">
                <TableHead>
                  <TableRow>
                    <TableHeaderCell>{t("month")}</TableHeaderCell>
                    {fees.keys.map((type) => (
                      <TableHeaderCell key={type} numeric className="whitespace-normal">
                        {typeName(type)}
                      </TableHeaderCell>
                    ))}
                    <TableHeaderCell numeric>{t("total")}</TableHeaderCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {fees.points.map((point) => (
                    <TableRow key={point.month}>
                      <TableHeaderCell scope="row" className="text-sm font-medium tracking-normal whitespace-nowrap text-slate-900 normal-case">
                        {monthLabel(format, point.month, "long")}
                      </TableHeaderCell>
                      {fees.keys.map((type) => (
                        <TableCell key={type} numeric>
                          {cny(point.amounts[type] ?? 0n)}
                        </TableCell>
                      ))}
                      <TableCell numeric className="font-medium">
                        {cny(fees.keys.reduce((sum, type) => sum + (point.amounts[type] ?? 0n), 0n))}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </ScrollTable>
            }
          >
            <StackedBarChart data={data} series={fees.keys.map((type) => ({ key: type, name: typeName(type), color: TYPE_COLORS[type] ?? "#475569", stack: "fees" }))} title={t("title")} locale={locale} />
          </ChartFigure>
        )}
      </CardBody>
    </Card>
  );
}
