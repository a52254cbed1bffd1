import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { bpsToPercent } from "@/lib/domain/invoices";
import { formatMoney, type Locale } from "@/lib/domain/money";
import type { InvoiceDetail } from "@/lib/server/invoices/detail";
import { calendarDate } from "./display";

const TONE = { open: "info", partially_paid: "warning", paid: "success", void: "neutral" } as const;

/** What is due when: each instalment's share, amount, due date (or the rule while it waits on the B/L), paid, status. */
export async function InstalmentTable({ detail }: { detail: InvoiceDetail }) {
  const t = await getTranslations("invoices.instalments");
  const format = await getFormatter();
  const locale = (await getLocale()) as Locale;
  const currency = detail.invoice.currency;
  return (
    <Table caption={t("title")}>
      <TableHead>
        <TableRow>
          <TableHeaderCell>{t("title")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("share")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("amount")}</TableHeaderCell>
          <TableHeaderCell>{t("due")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("paid")}</TableHeaderCell>
          <TableHeaderCell>{t("status")}</TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {detail.instalments.map((instalment) => (
          <TableRow key={instalment.id} data-testid={`instalment-${instalment.label}`}>
            <TableCell className="font-medium">{t(`label.${instalment.label}`, { n: instalment.position })}</TableCell>
            <TableCell numeric>{bpsToPercent(instalment.shareBps)} %</TableCell>
            <TableCell numeric data-testid="instalment-amount">{formatMoney(instalment.amountMinor, currency, locale, { display: "code" })}</TableCell>
            <TableCell className="tabular text-sm" data-testid="instalment-due">
              {instalment.dueDate
                ? format.dateTime(calendarDate(instalment.dueDate), { dateStyle: "medium", timeZone: "UTC" })
                : t("waitingForBl", { days: instalment.dueRule.days })}
            </TableCell>
            <TableCell numeric className="text-slate-600">{formatMoney(instalment.paidMinor, currency, locale, { display: "code" })}</TableCell>
            <TableCell>
              <span className="flex flex-wrap gap-1">
                <Badge tone={TONE[instalment.status]} dot>
                  {t(`status_${instalment.status}`)}
                </Badge>
                {instalment.isOverdue && instalment.status !== "paid" && instalment.status !== "void" ? <Badge tone="danger">{t("overdue")}</Badge> : null}
              </span>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
