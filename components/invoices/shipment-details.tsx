import type { ReactNode } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import type { InvoiceDetail } from "@/lib/server/invoices/detail";
import { calendarDate } from "./display";

/** Incoterm with its place, ports, B/L and notes. */
export async function ShipmentDetails({ detail }: { detail: InvoiceDetail }) {
  const t = await getTranslations("invoices");
  const format = await getFormatter();
  const { invoice } = detail;
  const value = (text: string | null) => text ?? <span className="text-slate-500">{t("detail.notSet")}</span>;
  const rows: [string, ReactNode, string][] = [
    [t("detail.incoterm"), invoice.incoterm ? `${invoice.incoterm}${invoice.incotermPlace ? ` ${invoice.incotermPlace}` : ""}` : value(null), "incoterm"],
    [t("editor.portOfLoading"), value(invoice.portOfLoading), "port-of-loading"],
    [t("editor.portOfDischarge"), value(invoice.portOfDischarge), "port-of-discharge"],
    [t("editor.billOfLadingNumber"), value(invoice.billOfLadingNumber), "bl-number"],
    [
      t("editor.billOfLadingDate"),
      invoice.billOfLadingDate ? format.dateTime(calendarDate(invoice.billOfLadingDate), { dateStyle: "medium", timeZone: "UTC" }) : value(null),
      "bl-date",
    ],
  ];
  return (
    <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-3">
      {rows.map(([label, content, id]) => (
        <div key={id}>
          <dt className="text-slate-500">{label}</dt>
          <dd className="text-slate-900" data-testid={`shipment-${id}`}>
            {content}
          </dd>
        </div>
      ))}
      {invoice.notes ? (
        <div className="sm:col-span-2 lg:col-span-3">
          <dt className="text-slate-500">{t("detail.notes")}</dt>
          <dd className="whitespace-pre-line text-slate-900">{invoice.notes}</dd>
        </div>
      ) : null}
    </dl>
  );
}
