import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { formatRfReference } from "@/lib/domain/statements/rf-reference";
import type { InvoiceDetail } from "@/lib/server/invoices/detail";
import { CopyField } from "./copy-field";
import { calendarDate, describeTerms } from "./display";

/** Buyer, dates, terms, and once issued the RF reference (groups of four) and the buyer's pay link. */
export async function InvoiceSummary({ org, detail, payUrl }: { org: string; detail: InvoiceDetail; payUrl: string | null }) {
  const t = await getTranslations("invoices");
  const format = await getFormatter();
  const { invoice, buyer } = detail;
  return (
    <dl className="grid gap-x-6 gap-y-4 text-sm sm:grid-cols-2 lg:grid-cols-4">
      <div>
        <dt className="text-slate-500">{t("detail.buyer")}</dt>
        <dd className="font-medium text-slate-900">
          <Link href={`/o/${org}/buyers/${buyer.id}`} className="text-teal-800 hover:underline">
            {buyer.name}
          </Link>
          <span className="ml-1 text-slate-500">({buyer.country})</span>
        </dd>
      </div>
      <div>
        <dt className="text-slate-500">{t("detail.issueDate")}</dt>
        <dd className="tabular text-slate-900">{format.dateTime(calendarDate(invoice.issueDate), { dateStyle: "medium", timeZone: "UTC" })}</dd>
      </div>
      <div>
        <dt className="text-slate-500">{t("detail.currency")}</dt>
        <dd className="text-slate-900">{invoice.currency}</dd>
      </div>
      <div>
        <dt className="text-slate-500">{t("detail.terms")}</dt>
        <dd className="text-slate-900" data-testid="invoice-terms">{describeTerms(t, detail.terms)}</dd>
      </div>
      {invoice.rfReference ? (
        <div className="sm:col-span-2">
          <dt className="text-slate-500">{t("detail.rfReference")}</dt>
          <dd className="font-mono text-base font-semibold tracking-wide text-slate-900" data-testid="rf-reference">
            {formatRfReference(invoice.rfReference)}
          </dd>
          <dd className="mt-1 text-xs text-slate-500">{t("detail.rfHint")}</dd>
        </div>
      ) : null}
      {payUrl ? (
        <div className="sm:col-span-2">
          <dt className="mb-1 text-slate-500">{t("detail.payLink")}</dt>
          <dd>
            <CopyField value={payUrl} label={t("detail.payLink")} testId="pay-link" />
          </dd>
          <dd className="mt-1 text-xs text-slate-500">{t("detail.payLinkHint")}</dd>
        </div>
      ) : null}
    </dl>
  );
}
