"use client";

import { useLocale, useTranslations } from "next-intl";
import type { MatchFeePreview as Preview } from "@/lib/domain/collections";
import { rateAsPercent } from "@/lib/domain/fees";
import { formatMoney, type Locale } from "@/lib/domain/money";

/** What a match will charge, shown before it is confirmed; read out again whenever it changes. */
export function MatchFeePreview({ preview, currency }: { preview: Preview | null; currency: string }) {
  const t = useTranslations("matching.match.fee");
  const locale = useLocale() as Locale;
  const money = (amountMinor: bigint) => formatMoney(amountMinor, currency, locale);
  const rows: [string, string, string][] = preview
    ? [
        ["applied", t("applied"), money(preview.appliedMinor)],
        ...preview.fees.map((fee): [string, string, string] => [fee.type, t(fee.type === "risk_surcharge" ? "riskSurcharge" : "collection", { rate: rateAsPercent(fee.rate ?? "0") }), `− ${money(fee.amountMinor)}`]),
        ...(preview.fees.length === 0 ? [["none", t("none"), money(0n)] as [string, string, string]] : []),
        ["net", t("net"), money(preview.netMinor)],
        ...(preview.creditMinor > 0n ? [["credit", t("credit"), money(preview.creditMinor)] as [string, string, string]] : []),
      ]
    : [];
  return (
    <section aria-label={t("title")} aria-live="polite" className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm sm:col-span-3" data-testid="match-fee">
      {preview ? (
        <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1">
          {rows.map(([key, label, value]) => (
            <div key={key} className={key === "net" ? "contents font-medium text-slate-900" : "contents text-slate-700"} data-testid={`match-fee-${key}`}>
              <dt>{label}</dt>
              <dd className="tabular text-right">{value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="text-slate-600">{t("invalid")}</p>
      )}
    </section>
  );
}
