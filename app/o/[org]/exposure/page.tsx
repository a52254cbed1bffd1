import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { ChartFigure } from "@/components/exposure/chart-figure";
import { currencyColors, moveText, yuanForChart } from "@/components/exposure/chart-data";
import { CurrencyExposureChart, DueMonthChart, SensitivityChart, type DueMonthChartDatum } from "@/components/exposure/exposure-charts";
import { CurrencyTable } from "@/components/exposure/currency-table";
import { DueMonthTable } from "@/components/exposure/due-month-table";
import { ExposureHeadline } from "@/components/exposure/exposure-headline";
import { SensitivityTable } from "@/components/exposure/sensitivity-table";
import { MarginSettingsForm, type MarginSettingsDefaults } from "@/components/exposure/settings-form";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import type { DueBucketKey } from "@/lib/domain/exposure";
import { bpsPercent } from "@/lib/domain/fx/pricing";
import { formatMoney, toDecimalString } from "@/lib/domain/money";
import { requireOrgMember } from "@/lib/server/auth/viewer";
import { organizationExposure } from "@/lib/server/exposure/queries";
import { MONEY_ROLES } from "@/lib/server/guard/access";

export const dynamic = "force-dynamic";

export default async function ExposurePage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { organization, membership } = await requireOrgMember(org);
  const t = await getTranslations("exposure");
  const format = await getFormatter();
  const locale = (await getLocale()) as "en" | "zh-CN";
  const { exposure, sensitivity, settings, basis, maxAgeHours } = await organizationExposure(organization);
  const canEdit = MONEY_ROLES.includes(membership.role);
  const cny = (minor: bigint) => formatMoney(minor, "CNY", locale);

  const colors = currencyColors(exposure.currencies.map((row) => row.currency));
  const monthName = (key: string, month: "long" | "short") => format.dateTime(new Date(`${key}-01T00:00:00Z`), { year: "numeric", month, timeZone: "UTC" });
  const bucketLabel = (key: DueBucketKey, short = false) =>
    key === "overdue" ? t("months.overdue") : key === "no_date" ? t(short ? "months.no_date_short" : "months.no_date") : monthName(key, short ? "short" : "long");
  const bucketLabels = Object.fromEntries(exposure.dueBuckets.map((bucket) => [bucket.key, bucketLabel(bucket.key)]));
  const pricedInBuckets = [...new Set(exposure.dueBuckets.flatMap((b) => b.byCurrency.filter((c) => c.cnyMinor !== null).map((c) => c.currency)))];
  const dueChartData: DueMonthChartDatum[] = exposure.dueBuckets.map((bucket) => ({
    label: bucketLabel(bucket.key, true),
    ...Object.fromEntries(bucket.byCurrency.filter((c) => c.cnyMinor !== null).map((c) => [c.currency, yuanForChart(c.cnyMinor!)])),
  }));
  const currencyChartData = exposure.currencies
    .filter((row) => row.cny)
    .map((row) => ({ currency: row.currency, receivables: yuanForChart(row.cny!.receivablesMinor), balances: yuanForChart(row.cny!.balancesMinor) }));
  const sensitivityChartData = sensitivity.total.map((outcome) => ({
    move: `${moveText(outcome.movePercent)} %`,
    proceeds: yuanForChart(outcome.proceedsMinor),
    margin: outcome.marginPercent === null ? null : Number(outcome.marginPercent),
  }));
  const receivablesWithoutRate = exposure.currencies.filter((row) => !row.cny && row.receivablesMinor !== 0n).map((row) => row.currency);

  const defaults: MarginSettingsDefaults = {
    basis: basis?.kind ?? "none",
    targetMargin: settings?.targetMarginBps != null ? bpsPercent(settings.targetMarginBps) : "",
    costBase: settings?.costBaseCnyMinor != null ? toDecimalString(settings.costBaseCnyMinor, "CNY") : "",
  };
  const currentBasis =
    basis?.kind === "target_margin"
      ? t("settings.currentTarget", { margin: bpsPercent(basis.bps) })
      : basis?.kind === "cost_base"
        ? t("settings.currentCost", { cost: cny(basis.costCnyMinor) })
        : t("settings.currentNone");

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link href={`/o/${org}/fx`} className="text-sm font-medium text-teal-800 hover:underline">
            {t("convertLink")}
          </Link>
        }
      />

      <ExposureHeadline exposure={exposure} timeZone={organization.timezone} maxAgeHours={maxAgeHours} />

      <Card>
        <CardHeader title={t("currencies.title")} />
        {exposure.currencies.length === 0 ? (
          <EmptyState title={t("currencies.empty")} description={t("currencies.emptyHint")} icon="balances" as="h3" />
        ) : (
          <CardBody className="flex flex-col gap-6">
            <CurrencyTable exposure={exposure} timeZone={organization.timezone} />
            {currencyChartData.length > 0 ? (
              <ChartFigure id="exposure-by-currency" title={t("charts.byCurrency.title")} description={t("charts.byCurrency.description")} keyboardNote={t("charts.keyboard")}>
                <CurrencyExposureChart data={currencyChartData} labels={{ receivables: t("headline.receivables"), balances: t("headline.balances") }} title={t("charts.byCurrency.title")} locale={locale} />
              </ChartFigure>
            ) : null}
          </CardBody>
        )}
      </Card>

      <Card>
        <CardHeader title={t("charts.byMonth.title")} />
        <CardBody>
          {exposure.dueBuckets.length === 0 ? (
            <p className="text-sm text-slate-600">{t("charts.byMonth.empty")}</p>
          ) : (
            <ChartFigure
              id="exposure-by-month"
              title={t("charts.byMonth.title")}
              description={t("charts.byMonth.description")}
              keyboardNote={t("charts.keyboard")}
              alternative={<DueMonthTable buckets={exposure.dueBuckets} labels={bucketLabels} />}
            >
              <DueMonthChart data={dueChartData} currencies={pricedInBuckets} colors={colors} title={t("charts.byMonth.title")} locale={locale} />
            </ChartFigure>
          )}
        </CardBody>
      </Card>

      <Card>
        <CardHeader title={t("sensitivity.title")} description={t("sensitivity.description")} />
        <CardBody className="flex flex-col gap-4">
          <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700" data-testid="sensitivity-convention">
            {t("sensitivity.convention")}
          </p>
          <p className="text-sm text-slate-700" data-testid="sensitivity-basis">
            {basis?.kind === "target_margin" && sensitivity.costCnyMinor !== null
              ? t("sensitivity.basisTarget", { cost: cny(sensitivity.costCnyMinor), margin: bpsPercent(basis.bps) })
              : basis?.kind === "cost_base"
                ? t("sensitivity.basisCost", { cost: cny(basis.costCnyMinor) })
                : t("sensitivity.basisNone")}
          </p>
          {receivablesWithoutRate.length > 0 ? <Alert tone="warning">{t("sensitivity.excluded", { currencies: receivablesWithoutRate.join(", ") })}</Alert> : null}
          {sensitivity.currencies.length === 0 ? <p className="text-sm text-slate-600">{t("sensitivity.empty")}</p> : null}
          <SensitivityTable sensitivity={sensitivity} basis={basis} />
          {sensitivity.currencies.length > 0 ? (
            <ChartFigure id="sensitivity-chart" title={t("sensitivity.chart.title")} description={t("sensitivity.chart.description")} keyboardNote={t("charts.keyboard")}>
              <SensitivityChart data={sensitivityChartData} labels={{ proceeds: t("sensitivity.chart.proceeds"), margin: t("sensitivity.chart.margin") }} title={t("sensitivity.chart.title")} locale={locale} />
            </ChartFigure>
          ) : null}
        </CardBody>
      </Card>

      <Card>
        <CardHeader title={t("settings.title")} description={t("settings.description")} />
        <CardBody className="flex flex-col gap-4">
          <p className="text-sm text-slate-700" data-testid="margin-basis-current">
            {t("settings.current", { basis: currentBasis })}
          </p>
          {canEdit ? <MarginSettingsForm org={org} defaults={defaults} /> : <Alert tone="info">{t("settings.viewerNote")}</Alert>}
        </CardBody>
      </Card>
    </div>
  );
}
