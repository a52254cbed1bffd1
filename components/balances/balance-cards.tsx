import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { formatMoney } from "@/lib/domain/money";

export interface CurrencyBalance {
  currency: string;
  availableMinor: bigint;
  pendingMinor: bigint;
  reservedMinor: bigint;
  /** Received by bank transfer, waiting to be matched to an invoice. */
  unappliedMinor: bigint;
  /** Kept for buyers (overpayments, advances). */
  buyerCreditMinor: bigint;
  /** What the currency's whole balance is worth in CNY at the latest rate, when one is known. */
  cnyEquivalentMinor?: bigint | null;
  rate?: { mid: string; asOf: Date } | null;
}

export interface CnySummary {
  totalCnyMinor: bigint;
  ratesAsOf: Date;
  timeZone: string;
}

export async function BalanceCards({ balances, cny }: { balances: CurrencyBalance[]; cny?: CnySummary | null }) {
  const t = await getTranslations("balances");
  const format = await getFormatter();
  const locale = (await getLocale()) as "en" | "zh-CN";
  if (balances.length === 0) return <EmptyState title={t("empty")} description={t("emptyHint")} icon="balances" />;
  return (
    <div className="flex flex-col gap-3">
      {cny ? (
        <p className="text-sm text-slate-700" data-testid="balances-cny-total">
          {t("cnyTotal", {
            amount: formatMoney(cny.totalCnyMinor, "CNY", locale),
            asOf: format.dateTime(cny.ratesAsOf, { dateStyle: "medium", timeStyle: "short", timeZone: cny.timeZone }),
          })}
        </p>
      ) : null}
      <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {balances.map((balance) => (
          <li key={balance.currency} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid={`balance-${balance.currency}`}>
            <div className="flex items-baseline justify-between">
              <h2 className="text-sm font-semibold tracking-wide text-slate-500">{balance.currency}</h2>
              <span className="text-xs text-slate-500">{t("available")}</span>
            </div>
            <p className="tabular mt-1 text-2xl font-semibold text-slate-900">{formatMoney(balance.availableMinor, balance.currency, locale)}</p>
            <dl className="mt-3 grid grid-cols-2 gap-2 text-sm">
              <div>
                <dt className="text-slate-500">{t("pending")}</dt>
                <dd className="tabular text-slate-800">{formatMoney(balance.pendingMinor, balance.currency, locale)}</dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("reserved")}</dt>
                <dd className="tabular text-slate-800">{formatMoney(balance.reservedMinor, balance.currency, locale)}</dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("unapplied")}</dt>
                <dd className="tabular text-slate-800">{formatMoney(balance.unappliedMinor, balance.currency, locale)}</dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("buyer_credit")}</dt>
                <dd className="tabular text-slate-800">{formatMoney(balance.buyerCreditMinor, balance.currency, locale)}</dd>
              </div>
            </dl>
            {balance.cnyEquivalentMinor != null && balance.rate && balance.currency !== "CNY" ? (
              <p className="tabular mt-3 border-t border-slate-100 pt-2 text-xs text-slate-500">
                {t("cnyEquivalent", { amount: formatMoney(balance.cnyEquivalentMinor, "CNY", locale), rate: balance.rate.mid.slice(0, 8) })}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
