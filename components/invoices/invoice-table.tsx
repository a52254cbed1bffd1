import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Table, TableBody, TableCell, TableEmptyRow, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { DisplayStatus } from "@/lib/domain/invoices";
import { formatMoney, type Locale } from "@/lib/domain/money";
import { calendarDate } from "./display";
import { InvoiceStatusBadge } from "./status-badge";

export interface InvoiceTableRow {
  id: string;
  number: string | null;
  buyerName?: string;
  issueDate: string;
  nextDueDate: string | null;
  currency: string;
  totalMinor: bigint;
  paidMinor: bigint;
  displayStatus: DisplayStatus;
}

/** Invoices with their status; `showBuyer` off on the buyer's own page. */
export async function InvoiceTable({ org, rows, caption, showBuyer = true, empty }: { org: string; rows: InvoiceTableRow[]; caption: string; showBuyer?: boolean; empty: string }) {
  const t = await getTranslations("invoices");
  const format = await getFormatter();
  const locale = (await getLocale()) as Locale;
  const date = (value: string | null) => (value ? format.dateTime(calendarDate(value), { dateStyle: "medium", timeZone: "UTC" }) : "—");
  const columns = showBuyer ? 7 : 6;
  return (
    <Table caption={caption}>
      <TableHead>
        <TableRow>
          <TableHeaderCell>{t("columns.number")}</TableHeaderCell>
          {showBuyer ? <TableHeaderCell>{t("columns.buyer")}</TableHeaderCell> : null}
          <TableHeaderCell>{t("columns.issueDate")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.nextDue")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("columns.total")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("columns.paid")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.status")}</TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.length === 0 ? <TableEmptyRow colSpan={columns}>{empty}</TableEmptyRow> : null}
        {rows.map((row) => (
          <TableRow key={row.id} data-testid="invoice-row">
            <TableCell className="font-medium">
              <Link href={`/o/${org}/invoices/${row.id}`} className="text-teal-800 hover:underline">
                {row.number ?? t("draftNumber")}
              </Link>
            </TableCell>
            {showBuyer ? <TableCell className="text-sm">{row.buyerName}</TableCell> : null}
            <TableCell className="tabular text-sm">{date(row.issueDate)}</TableCell>
            <TableCell className="tabular text-sm">{date(row.nextDueDate)}</TableCell>
            <TableCell numeric>{formatMoney(row.totalMinor, row.currency, locale, { display: "code" })}</TableCell>
            <TableCell numeric className="text-slate-600">{formatMoney(row.paidMinor, row.currency, locale, { display: "code" })}</TableCell>
            <TableCell>
              <InvoiceStatusBadge status={row.displayStatus} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
