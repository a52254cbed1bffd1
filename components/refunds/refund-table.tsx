import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableEmptyRow, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { formatIban } from "@/lib/domain/kyb/iban";
import { formatMoney, type Locale } from "@/lib/domain/money";
import type { BuyerRefundRow } from "@/lib/server/refunds/queries";

const IBAN_SHAPE = /^[A-Z]{2}\d{2}[A-Z0-9]+$/;

/** The refunds paid to one buyer, newest first. */
export async function RefundTable({ refunds, timeZone }: { refunds: BuyerRefundRow[]; timeZone: string }) {
  const t = await getTranslations("refunds.history");
  const format = await getFormatter();
  const locale = (await getLocale()) as Locale;
  return (
    <Table caption={t("title")}>
      <TableHead>
        <TableRow>
          <TableHeaderCell>{t("date")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("amount")}</TableHeaderCell>
          <TableHeaderCell>{t("beneficiary")}</TableHeaderCell>
          <TableHeaderCell>{t("reference")}</TableHeaderCell>
          <TableHeaderCell>{t("status")}</TableHeaderCell>
          <TableHeaderCell>{t("requestedBy")}</TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {refunds.length === 0 ? <TableEmptyRow colSpan={6}>{t("empty")}</TableEmptyRow> : null}
        {refunds.map((refund) => (
          <TableRow key={refund.id}>
            <TableCell className="tabular text-sm">{format.dateTime(refund.createdAt, { dateStyle: "medium", timeStyle: "short", timeZone })}</TableCell>
            <TableCell numeric>{formatMoney(refund.amountMinor, refund.currency, locale, { display: "code" })}</TableCell>
            <TableCell className="text-sm">
              {refund.beneficiaryName}
              <span className="tabular block text-xs text-slate-600">
                {IBAN_SHAPE.test(refund.beneficiaryAccount) ? formatIban(refund.beneficiaryAccount) : refund.beneficiaryAccount} · {refund.beneficiaryBank}
              </span>
            </TableCell>
            <TableCell className="text-sm">{refund.reference ?? "—"}</TableCell>
            <TableCell>
              <Badge tone={refund.status === "sent" ? "success" : "warning"}>{t(`statuses.${refund.status}`)}</Badge>
            </TableCell>
            <TableCell className="text-sm">{refund.requestedByName ?? "—"}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
