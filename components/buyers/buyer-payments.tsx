import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Table, TableBody, TableCell, TableEmptyRow, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { calendarDate } from "@/components/invoices/display";
import { formatMoney, type Locale } from "@/lib/domain/money";
import type { BuyerOverview } from "@/lib/server/buyers/queries";

export async function BuyerPayments({ payments }: { payments: BuyerOverview["payments"] }) {
  const t = await getTranslations("invoices.buyers.detail");
  const format = await getFormatter();
  const locale = (await getLocale()) as Locale;
  return (
    <Table caption={t("payments")}>
      <TableHead>
        <TableRow>
          <TableHeaderCell>{t("paymentDate")}</TableHeaderCell>
          <TableHeaderCell>{t("paymentReference")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("paymentAmount")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("paymentUnapplied")}</TableHeaderCell>
          <TableHeaderCell>{t("paymentStatus")}</TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {payments.length === 0 ? <TableEmptyRow colSpan={5}>{t("noPayments")}</TableEmptyRow> : null}
        {payments.map((payment) => (
          <TableRow key={payment.id}>
            <TableCell className="tabular text-sm">{format.dateTime(calendarDate(payment.valueDate), { dateStyle: "medium", timeZone: "UTC" })}</TableCell>
            <TableCell className="text-sm">
              {payment.reference ?? "—"}
              {payment.payerName ? <span className="block text-xs text-slate-500">{payment.payerName}</span> : null}
            </TableCell>
            <TableCell numeric>{formatMoney(payment.amountMinor, payment.currency, locale, { display: "code" })}</TableCell>
            <TableCell numeric className="text-slate-600">{formatMoney(payment.unappliedMinor, payment.currency, locale, { display: "code" })}</TableCell>
            <TableCell className="text-sm">{t(`matchStatus.${payment.matchStatus}`)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
