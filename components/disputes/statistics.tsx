import type { ReactNode } from "react";
import type { Locale } from "@/i18n/catalog";
import { DISPUTE_OUTCOMES, ROOT_CAUSES, type DisputeOutcome, type DisputeRate, type DisputeTier, type RootCause } from "@/lib/domain/disputes";
import { ChartFigure } from "@/components/exposure/chart-figure";
import { ScrollTable } from "@/components/exposure/scroll-table";
import { CHART_PRIMARY, OUTCOME_COLORS } from "./display";
import { formatDuration } from "./duration";
import { StatisticsBarChart } from "./statistics-charts";
import { disputeTranslations, type Translate } from "./translations";

export interface DisputeStatisticsData {
  totals: { opened: number; open: number; decided: number };
  rates: { byBuyer: (DisputeRate & { buyerName: string })[]; byCountry: DisputeRate[] };
  medianTimeToResolveMs: number | null;
  serviceLevel: { within: number; total: number; percent: string | null };
  byTier: { tier: DisputeTier; open: number; serviceLevel: { within: number; total: number; percent: string | null } }[];
  outcomes: Record<DisputeOutcome, number>;
  rootCauses: Record<RootCause, number>;
  breaches: number;
}

const th = "px-3 py-2 text-xs font-semibold tracking-wide text-slate-600 uppercase";
const td = "px-3 py-2 text-slate-800";

function Headline({ stats, t }: { stats: DisputeStatisticsData; t: Translate }) {
  const figures: [string, string, string][] = [
    ["opened", t("statistics.opened"), String(stats.totals.opened)],
    ["open", t("statistics.open"), String(stats.totals.open)],
    ["median", t("statistics.median"), stats.medianTimeToResolveMs === null ? t("statistics.noneDecided") : formatDuration(stats.medianTimeToResolveMs, t)],
    [
      "within",
      t("statistics.withinServiceLevel"),
      stats.serviceLevel.percent === null ? t("statistics.noneDecided") : t("statistics.withinShare", { percent: stats.serviceLevel.percent, within: stats.serviceLevel.within, total: stats.serviceLevel.total }),
    ],
    ["breaches", t("statistics.breaches"), String(stats.breaches)],
  ];
  return (
    <dl className="grid gap-3 sm:grid-cols-3 lg:grid-cols-5" data-testid="dispute-statistics-headline">
      {figures.map(([key, label, value]) => (
        <div key={key} className="rounded-md border border-slate-200 bg-white px-4 py-3" data-testid={`statistic-${key}`}>
          <dt className="text-sm text-slate-600">{label}</dt>
          <dd className="tabular mt-1 text-lg font-semibold text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function RateTable({ caption, keyLabel, rows, t }: { caption: string; keyLabel: string; rows: { key: string; label: string; cases: number; invoices: number; ratePercent: string | null }[]; t: Translate }) {
  return (
    <ScrollTable caption={caption}>
      <thead className="border-b border-slate-200 bg-slate-50">
        <tr>
          <th scope="col" className={th}>{keyLabel}</th>
          <th scope="col" className={`${th} text-right`}>{t("statistics.cases")}</th>
          <th scope="col" className={`${th} text-right`}>{t("statistics.invoices")}</th>
          <th scope="col" className={`${th} text-right`}>{t("statistics.rate")}</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.length === 0 ? (
          <tr>
            <td colSpan={4} className={`${td} text-center text-slate-600`}>{t("statistics.noData")}</td>
          </tr>
        ) : null}
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row" className={`${td} text-left font-normal`}>{row.label}</th>
            <td className={`${td} tabular text-right`}>{row.cases}</td>
            <td className={`${td} tabular text-right`}>{row.invoices}</td>
            <td className={`${td} tabular text-right whitespace-nowrap`}>{row.ratePercent === null ? "—" : t("statistics.ratePercent", { percent: row.ratePercent })}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

function CountTable({ caption, keyLabel, rows, t }: { caption: string; keyLabel: string; rows: { key: string; label: string; count: number }[]; t: Translate }) {
  return (
    <ScrollTable caption={caption}>
      <thead className="border-b border-slate-200 bg-slate-50">
        <tr>
          <th scope="col" className={th}>{keyLabel}</th>
          <th scope="col" className={`${th} text-right`}>{t("statistics.count")}</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((row) => (
          <tr key={row.key} data-testid={`count-${row.key}`}>
            <th scope="row" className={`${td} text-left font-normal`}>{row.label}</th>
            <td className={`${td} tabular text-right`}>{row.count}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

function TierTable({ stats, t }: { stats: DisputeStatisticsData; t: Translate }) {
  return (
    <ScrollTable caption={t("statistics.byTier")}>
      <thead className="border-b border-slate-200 bg-slate-50">
        <tr>
          <th scope="col" className={th}>{t("tier.label")}</th>
          <th scope="col" className={`${th} text-right`}>{t("statistics.tierOpen")}</th>
          <th scope="col" className={`${th} text-right`}>{t("statistics.tierWithin")}</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {stats.byTier.map((row) => (
          <tr key={row.tier}>
            <th scope="row" className={`${td} text-left font-normal`}>{t(`tier.long.${row.tier}`)}</th>
            <td className={`${td} tabular text-right`}>{row.open}</td>
            <td className={`${td} tabular text-right`}>
              {row.serviceLevel.percent === null ? "—" : t("statistics.withinShare", { percent: row.serviceLevel.percent, within: row.serviceLevel.within, total: row.serviceLevel.total })}
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

/** Percentages for drawing only; every figure a person reads is the exact string in the table. */
function percentForChart(percent: string): number {
  return Number(percent);
}

/**
 * Dispute statistics: headline figures, outcomes, root causes, rates by buyer and country, tiers. `charts` adds a
 * keyboard-reachable chart above each table (the platform page); the factory's list shows the tables alone.
 */
export async function DisputeStatistics({ stats, locale, charts, idPrefix }: { stats: DisputeStatisticsData; locale: Locale; charts: boolean; idPrefix: string }) {
  const t = await disputeTranslations(locale);
  const outcomes = DISPUTE_OUTCOMES.map((outcome) => ({ key: outcome, label: t(`outcome.${outcome}`), count: stats.outcomes[outcome] }));
  const rootCauses = ROOT_CAUSES.map((cause) => ({ key: cause, label: t(`rootCause.${cause}`), count: stats.rootCauses[cause] }));
  const byBuyer = stats.rates.byBuyer.map((row) => ({ ...row, label: row.buyerName }));
  const byCountry = stats.rates.byCountry.map((row) => ({ ...row, label: row.key }));
  const ratedCountries = byCountry.filter((row) => row.ratePercent !== null);
  const figure = (id: string, title: string, description: string, chart: ReactNode, table: ReactNode) =>
    charts ? (
      <ChartFigure id={`${idPrefix}-${id}`} title={title} description={description} keyboardNote={t("statistics.keyboard")} alternative={table}>
        {chart}
      </ChartFigure>
    ) : (
      <section className="flex min-w-0 flex-col gap-2" aria-labelledby={`${idPrefix}-${id}-title`}>
        <h3 id={`${idPrefix}-${id}-title`} className="text-sm font-semibold text-slate-900">
          {title}
        </h3>
        {table}
      </section>
    );

  return (
    <div className="flex flex-col gap-6" data-testid="dispute-statistics">
      <Headline stats={stats} t={t} />
      <div className="grid gap-6 lg:grid-cols-2">
        {figure(
          "outcomes",
          t("statistics.outcomes"),
          t("statistics.outcomesDescription"),
          <StatisticsBarChart
            data={outcomes.map((row) => ({ label: row.label, value: row.count, color: OUTCOME_COLORS[row.key] }))}
            title={t("statistics.outcomes")}
            valueName={t("statistics.count")}
            color={CHART_PRIMARY}
          />,
          <CountTable caption={t("statistics.outcomes")} keyLabel={t("outcome.label")} rows={outcomes} t={t} />,
        )}
        {figure(
          "root-causes",
          t("statistics.rootCauses"),
          t("statistics.rootCausesDescription"),
          <StatisticsBarChart data={rootCauses.map((row) => ({ label: row.label, value: row.count }))} title={t("statistics.rootCauses")} valueName={t("statistics.count")} color={CHART_PRIMARY} />,
          <CountTable caption={t("statistics.rootCauses")} keyLabel={t("rootCause.label")} rows={rootCauses} t={t} />,
        )}
        {figure(
          "by-country",
          t("statistics.byCountry"),
          t("statistics.rateDescription"),
          <StatisticsBarChart data={ratedCountries.map((row) => ({ label: row.label, value: percentForChart(row.ratePercent!) }))} title={t("statistics.byCountry")} valueName={t("statistics.rate")} color={CHART_PRIMARY} unit=" %" />,
          <RateTable caption={t("statistics.byCountry")} keyLabel={t("statistics.country")} rows={byCountry} t={t} />,
        )}
        {figure(
          "by-buyer",
          t("statistics.byBuyer"),
          `${t("statistics.rateDescription")} ${t("statistics.byBuyerChartNote")}`,
          <StatisticsBarChart
            data={byBuyer.filter((row) => row.ratePercent !== null).slice(0, 10).map((row) => ({ label: row.label, value: percentForChart(row.ratePercent!) }))}
            title={t("statistics.byBuyer")}
            valueName={t("statistics.rate")}
            color={CHART_PRIMARY}
            unit=" %"
          />,
          <RateTable caption={t("statistics.byBuyer")} keyLabel={t("statistics.key")} rows={byBuyer} t={t} />,
        )}
      </div>
      <section className="flex min-w-0 flex-col gap-2" aria-labelledby={`${idPrefix}-tiers-title`}>
        <h3 id={`${idPrefix}-tiers-title`} className="text-sm font-semibold text-slate-900">
          {t("statistics.byTier")}
        </h3>
        <TierTable stats={stats} t={t} />
      </section>
    </div>
  );
}
