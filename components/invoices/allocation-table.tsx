import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableEmptyRow, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { formatMoney, type Locale } from "@/lib/domain/money";
import type { InvoiceAllocation } from "@/lib/server/invoices/detail";
import { calendarDate } from "./display";

/**
 * The payments applied to the invoice (from payment_allocations), unmatched ones struck through: what each settles,
 * and the money received with the collection fee taken from it and what reached the balance (payment currency).
 */
export async function AllocationTable({ allocations, currency }: { allocations: InvoiceAllocation[]; currency: string }) {
  const t = await getTranslations("invoices.allocations");
  const format = await getFormatter();
  const locale = (await getLocale()) as Locale;
  return (
    <Table caption={t("title")}>
      <TableHead>
        <TableRow>
          <TableHeaderCell>{t("date")}</TableHeaderCell>
          <TableHeaderCell>{t("payer")}</TableHeaderCell>
          <TableHeaderCell>{t("method")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("amount")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("charges")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("received")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("fee")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("net")}</TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {allocations.length === 0 ? <TableEmptyRow colSpan={8}>{t("empty")}</TableEmptyRow> : null}
        {allocations.map((allocation) => (
          <TableRow key={allocation.id} className={allocation.reversedAt ? "text-slate-500 line-through" : undefined} data-testid="allocation-row">
            <TableCell className="tabular text-sm">{format.dateTime(calendarDate(allocation.valueDate), { dateStyle: "medium", timeZone: "UTC" })}</TableCell>
            <TableCell className="text-sm">
              {allocation.payerName ?? "—"}
              <span className="block text-xs text-slate-500">{allocation.bankRef}</span>
            </TableCell>
            <TableCell className="text-sm">
              <span className="flex flex-wrap gap-1">
                {t(`methods.${allocation.method}`)}
                {allocation.reversedAt ? <Badge>{t("reversed")}</Badge> : null}
                {allocation.currencyMismatch ? <Badge tone="warning">{t("currencyMismatch", { currency: allocation.paymentCurrency })}</Badge> : null}
              </span>
            </TableCell>
            <TableCell numeric>{formatMoney(allocation.invoiceAmountMinor, currency, locale, { display: "code" })}</TableCell>
            <TableCell numeric className="text-slate-600">{allocation.bankChargesMinor > 0n ? formatMoney(allocation.bankChargesMinor, currency, locale, { display: "code" }) : "—"}</TableCell>
            <TableCell numeric>{formatMoney(allocation.amountMinor, allocation.paymentCurrency, locale, { display: "code" })}</TableCell>
            <TableCell numeric className="text-slate-600" data-testid="allocation-fee">
              {allocation.feeMinor !== null ? formatMoney(allocation.feeMinor, allocation.paymentCurrency, locale, { display: "code" }) : <span className="text-xs">{allocation.method === "card" ? t("feeOnClearing") : "—"}</span>}
            </TableCell>
            <TableCell numeric data-testid="allocation-net">
              {allocation.feeMinor !== null ? formatMoney(allocation.amountMinor - allocation.feeMinor, allocation.paymentCurrency, locale, { display: "code" }) : "—"}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
