import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { yuanForChart } from "@/components/exposure/chart-data";
import { ChartFigure } from "@/components/exposure/chart-figure";
import { CurrencyTable } from "@/components/exposure/currency-table";
import { CurrencyExposureChart } from "@/components/exposure/exposure-charts";
import { SensitivityTable } from "@/components/exposure/sensitivity-table";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { Exposure, MarginBasis, Sensitivity } from "@/lib/domain/exposure";

/** The exposure view's currency table and chart and its ±1/3/5 % sensitivity, as on the exposure page. */
export async function ExposureSection({ org, exposure, sensitivity, basis, timeZone }: { org: string; exposure: Exposure; sensitivity: Sensitivity; basis: MarginBasis | null; timeZone: string }) {
  const t = await getTranslations("dashboard.exposure");
  const charts = await getTranslations("dashboard.charts");
  const exposureT = await getTranslations("exposure");
  const locale = (await getLocale()) as "en" | "zh-CN";
  const chartData = exposure.currencies
    .filter((row) => row.cny)
    .map((row) => ({ currency: row.currency, receivables: yuanForChart(row.cny!.receivablesMinor), balances: yuanForChart(row.cny!.balancesMinor) }));
  return (
    <Card>
      <CardHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link href={`/o/${org}/exposure`} className="text-sm font-medium text-teal-800 hover:underline">
            {t("details")}
          </Link>
        }
      />
      <CardBody className="flex flex-col gap-6">
        {exposure.currencies.length === 0 ? (
          <p className="text-sm text-slate-600">{t("empty")}</p>
        ) : (
          <>
            <ChartFigure id="dashboard-exposure" title={exposureT("charts.byCurrency.title")} description={exposureT("charts.byCurrency.description")} keyboardNote={charts("keyboard")} alternative={<CurrencyTable exposure={exposure} timeZone={timeZone} />}>
              <CurrencyExposureChart data={chartData} labels={{ receivables: exposureT("headline.receivables"), balances: exposureT("headline.balances") }} title={exposureT("charts.byCurrency.title")} locale={locale} />
            </ChartFigure>
            <SensitivityTable sensitivity={sensitivity} basis={basis} />
          </>
        )}
      </CardBody>
    </Card>
  );
}
