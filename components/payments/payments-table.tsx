import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Table, TableBody, TableCell, TableEmptyRow, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { formatMoney, type Locale } from "@/lib/domain/money";
import type { PaymentListRow } from "@/lib/server/matching/payment-list";
import { PaymentStatusBadge } from "./payment-status-badge";

type PaymentRow = PaymentListRow;

export async function PaymentsTable({ org, payments, emptyText }: { org: string; payments: PaymentRow[]; emptyText: string }) {
  const t = await getTranslations("matching");
  const locale = (await getLocale()) as Locale;
  return (
    <Table caption={t("title")} data-testid="payments-table">
      <TableHead>
        <TableRow>
          <TableHeaderCell>{t("columns.date")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.payer")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.reference")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("columns.amount")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("columns.unapplied")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.status")}</TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {payments.length === 0 ? <TableEmptyRow colSpan={6}>{emptyText}</TableEmptyRow> : null}
        {payments.map((payment) => (
          <TableRow key={payment.id} data-testid="payment-row">
            <TableCell className="whitespace-nowrap">{payment.bookingDate}</TableCell>
            <TableCell>
              <Link href={`/o/${org}/payments/${payment.id}`} className="font-medium text-teal-800 hover:underline">
                {payment.payerName ?? t("payment.none")}
              </Link>
              {payment.buyerName && payment.buyerName !== payment.payerName ? <div className="text-xs text-slate-500">{payment.buyerName}</div> : null}
            </TableCell>
            <TableCell className="max-w-xs truncate text-slate-600" title={[payment.reference, payment.remittanceText].filter(Boolean).join(" · ")}>
              {[payment.reference, payment.remittanceText].filter(Boolean).join(" · ") || t("payment.none")}
            </TableCell>
            <TableCell numeric>{formatMoney(payment.amountMinor, payment.currency, locale)}</TableCell>
            <TableCell numeric>{formatMoney(payment.unappliedMinor, payment.currency, locale)}</TableCell>
            <TableCell>
              <PaymentStatusBadge status={payment.matchStatus} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
