import type { Locale } from "@/i18n/catalog";
import { Card, CardBody } from "@/components/ui/card";
import type { PayPageView } from "@/lib/server/pay/page";
import { payDate, payMoney } from "./format";
import { payTranslations } from "@/components/pay/translations";

/** Who bills whom, and the invoice's totals. */
export async function InvoiceSummary({ locale, view, pdfHref }: { locale: Locale; view: PayPageView; pdfHref: string | null }) {
  const t = await payTranslations(locale, "pay");
  const money = (minor: bigint) => payMoney(minor, view.currency, locale);
  const rows: Array<[string, string]> = [
    [t("summary.from"), view.sellerName],
    [t("summary.billedTo"), view.buyerName],
    [t("summary.issued"), payDate(view.issueDate, locale)],
    [t("summary.total"), money(view.totalMinor)],
    [t("summary.paid"), money(view.paidMinor)],
    [t("summary.outstanding"), money(view.totalMinor - view.paidMinor)],
  ];
  return (
    <Card>
      <CardBody className="flex flex-col gap-4">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h1 className="text-xl font-semibold tracking-tight text-slate-900">{t("summary.title", { number: view.number })}</h1>
          {pdfHref ? (
            <a href={pdfHref} className="text-sm font-medium text-teal-800 hover:underline">
              {t("summary.pdf")}
            </a>
          ) : null}
        </div>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
          {rows.map(([label, value]) => (
            <div key={label} className="flex justify-between gap-3 border-b border-slate-100 pb-1.5">
              <dt className="text-slate-600">{label}</dt>
              <dd className="tabular text-right font-medium text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
      </CardBody>
    </Card>
  );
}
