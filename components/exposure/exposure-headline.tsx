import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { Exposure } from "@/lib/domain/exposure";
import { formatMoney } from "@/lib/domain/money";

/** The CNY equivalent of foreign receivables and balances, the rates' time and source, and what was left out. */
export async function ExposureHeadline({ exposure, timeZone, maxAgeHours }: { exposure: Exposure; timeZone: string; maxAgeHours: number }) {
  const t = await getTranslations("exposure");
  const fx = await getTranslations("fx");
  const format = await getFormatter();
  const locale = (await getLocale()) as "en" | "zh-CN";
  const cny = (minor: bigint) => formatMoney(minor, "CNY", locale);
  const source = (name: string) => (fx.has(`sources.${name}`) ? fx(`sources.${name}`) : name);
  const figures = [
    { key: "receivables", label: t("headline.receivables"), value: exposure.totals.receivablesMinor },
    { key: "balances", label: t("headline.balances"), value: exposure.totals.balancesMinor },
    { key: "total", label: t("headline.total"), value: exposure.totals.totalMinor },
  ];
  const hasForeign = exposure.currencies.length > 0;
  return (
    <Card>
      <CardHeader title={t("headline.title")} />
      <CardBody className="flex flex-col gap-4">
        <dl className="grid gap-4 sm:grid-cols-3">
          {figures.map((figure) => (
            <div key={figure.key} className="min-w-0" data-testid={`exposure-headline-${figure.key}`}>
              <dt className="text-sm break-words text-slate-600">{figure.label}</dt>
              <dd className="tabular mt-1 text-2xl font-semibold break-all text-slate-900">{cny(figure.value)}</dd>
            </div>
          ))}
        </dl>
        {exposure.ratesAsOf ? (
          <p className="text-xs text-slate-500" data-testid="exposure-rates-as-of">
            {t("headline.ratesAsOf", {
              time: format.dateTime(exposure.ratesAsOf, { dateStyle: "medium", timeStyle: "short", timeZone }),
              sources: exposure.rateSources.map(source).join(", "),
            })}
          </p>
        ) : hasForeign ? (
          <Alert tone="warning">{t("headline.noRates")}</Alert>
        ) : null}
        {exposure.unpriced.length > 0 ? (
          <Alert tone="warning" data-testid="exposure-unpriced">
            {t("unpriced", { currencies: exposure.unpriced.join(", "), hours: maxAgeHours })}
          </Alert>
        ) : null}
        {exposure.home.receivablesMinor !== 0n || exposure.home.balancesMinor !== 0n ? (
          <p className="text-sm text-slate-700">{t("headline.home", { receivables: cny(exposure.home.receivablesMinor), balances: cny(exposure.home.balancesMinor) })}</p>
        ) : null}
        <p className="text-xs text-slate-500">{t("headline.rounding")}</p>
      </CardBody>
    </Card>
  );
}
