import { getLocale, getTranslations } from "next-intl/server";
import { formatMoney, type Locale } from "@/lib/domain/money";
import type { BuyerCredit } from "@/lib/domain/refunds";

/** The buyer's refundable credit per currency, and any card overpayment that is owed but not refundable here. */
export async function CreditSummary({ credits }: { credits: BuyerCredit[] }) {
  const t = await getTranslations("refunds.credit");
  const locale = (await getLocale()) as Locale;
  const money = (minor: bigint, currency: string) => formatMoney(minor, currency, locale, { display: "code" });
  if (credits.length === 0) return <p className="text-sm text-slate-600">{t("none")}</p>;
  return (
    <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="buyer-credit">
      {credits.map((credit) => (
        <div key={credit.currency} className="rounded-md border border-slate-200 p-4">
          <dt className="text-sm text-slate-600">
            {t("refundable")} · {credit.currency}
          </dt>
          <dd className="tabular mt-1 text-2xl font-semibold text-slate-900">{money(credit.refundableMinor, credit.currency)}</dd>
          {credit.heldByCardMinor > 0n ? <dd className="mt-2 text-xs text-slate-600">{t("heldByCard", { amount: money(credit.heldByCardMinor, credit.currency) })}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
