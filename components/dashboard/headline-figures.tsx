import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { cn } from "@/components/ui/cn";
import { DSO_FORMULA } from "@/lib/domain/dashboard";
import { formatMoney } from "@/lib/domain/money";
import type { FactoryDashboard } from "@/lib/server/dashboard/factory";
import { InfoTip } from "./info-tip";

function Figure({ id, label, value, hint, extra, tone }: { id: string; label: string; value: string; hint: string; extra?: ReactNode; tone?: "danger" }) {
  return (
    <div className="min-w-0 rounded-lg border border-slate-200 bg-white p-4" data-testid={`headline-${id}`}>
      <dt className="flex items-center gap-1 text-sm break-words text-slate-600">
        {label}
        {extra}
      </dt>
      <dd className={cn("tabular mt-1 text-xl font-semibold break-all sm:text-2xl", tone === "danger" ? "text-red-700" : "text-slate-900")} data-testid={`headline-${id}-value`}>
        {value}
      </dd>
      {hint ? <dd className="mt-1 text-xs break-words text-slate-600">{hint}</dd> : null}
    </div>
  );
}

/** Open receivables, overdue, collected this month, DSO (its formula behind the "i"), amount in dispute, next payout. */
export async function HeadlineFigures({ dashboard, timeZone }: { dashboard: FactoryDashboard; timeZone: string }) {
  const t = await getTranslations("dashboard.headline");
  const format = await getFormatter();
  const locale = (await getLocale()) as "en" | "zh-CN";
  const cny = (minor: bigint) => formatMoney(minor, "CNY", locale);
  const day = (date: string | Date) =>
    typeof date === "string" ? format.dateTime(new Date(`${date}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" }) : format.dateTime(date, { dateStyle: "medium", timeZone });
  const { headline, today } = dashboard;
  const { dso } = headline;
  const payout = headline.nextPayout;
  return (
    <section aria-labelledby="headline-title" className="flex flex-col gap-3">
      <h2 id="headline-title" className="sr-only">
        {t("title")}
      </h2>
      <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3">
        <Figure id="open" label={t("open")} value={cny(headline.openCnyMinor)} hint={t("openHint")} />
        <Figure id="overdue" label={t("overdue")} value={cny(headline.overdueCnyMinor)} hint={t("overdueHint")} tone={headline.overdueCnyMinor > 0n ? "danger" : undefined} />
        <Figure id="collected" label={t("collected")} value={cny(headline.collectedThisMonth.cnyMinor)} hint={t("collectedHint", { date: day(`${today.slice(0, 7)}-01`) })} />
        <Figure
          id="dso"
          label={t("dso")}
          value={dso.result.kind === "days" ? t("dsoDays", { days: dso.result.days }) : t("dsoNone")}
          hint={dso.result.kind === "days" ? t("dsoHint", { days: dso.period.days }) : t("dsoNoSales", { days: dso.period.days })}
          extra={
            <InfoTip
              label={t("dsoFormulaButton")}
              text={`${DSO_FORMULA[locale]} ${t("dsoInputs", { open: cny(headline.openCnyMinor), sales: cny(dso.creditSalesCnyMinor), days: dso.period.days })}`}
            />
          }
        />
        <Figure id="dispute" label={t("inDispute")} value={cny(headline.inDispute.cnyMinor)} hint={t("inDisputeHint", { cases: headline.inDispute.cases })} />
        <Figure
          id="payout"
          label={t("nextPayout")}
          value={payout ? formatMoney(payout.netMinor, payout.currency, locale, { display: "code" }) : t("nextPayoutNone")}
          hint={payout ? t("nextPayoutHint", { status: t(`payoutStatus.${payout.status as "requested" | "approved" | "sent"}`), date: day(payout.requestedAt) }) : ""}
        />
      </dl>
      {dashboard.unpriced.length > 0 ? <Alert tone="warning">{t("unpriced", { currencies: dashboard.unpriced.join(", ") })}</Alert> : null}
    </section>
  );
}
