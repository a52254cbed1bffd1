import { getLocale, getTranslations } from "next-intl/server";
import { Table, TableBody, TableCell, TableFoot, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { formatMoney, type Locale } from "@/lib/domain/money";
import type { InvoiceDetail } from "@/lib/server/invoices/detail";

/** The goods and the totals under them, exactly as stored. */
export async function InvoiceLines({ detail }: { detail: InvoiceDetail }) {
  const t = await getTranslations("invoices");
  const locale = (await getLocale()) as Locale;
  const { invoice } = detail;
  const money = (minor: bigint) => formatMoney(minor, invoice.currency, locale, { display: "code" });
  const totals: [string, bigint, string?][] = [
    [t("editor.subtotal"), invoice.subtotalMinor],
    ...(invoice.discountMinor > 0n ? [[t("editor.discount"), -invoice.discountMinor] as [string, bigint]] : []),
    ...(invoice.freightMinor > 0n ? [[t("editor.freight"), invoice.freightMinor] as [string, bigint]] : []),
    ...(invoice.insuranceMinor > 0n ? [[t("editor.insurance"), invoice.insuranceMinor] as [string, bigint]] : []),
    ...(invoice.otherChargesMinor > 0n ? [[t("editor.otherCharges"), invoice.otherChargesMinor] as [string, bigint]] : []),
  ];
  return (
    <Table caption={t("detail.lines")}>
      <TableHead>
        <TableRow>
          <TableHeaderCell>{t("editor.description")}</TableHeaderCell>
          <TableHeaderCell>{t("editor.hsCode")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("editor.quantity")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("editor.unitPrice")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("editor.amount")}</TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {detail.lines.map((line) => (
          <TableRow key={line.id}>
            <TableCell>{line.description}</TableCell>
            <TableCell className="tabular text-sm text-slate-600">{line.hsCode ?? "—"}</TableCell>
            <TableCell numeric>
              {line.quantity} {line.unit}
            </TableCell>
            <TableCell numeric>
              {invoice.currency} {line.unitPrice}
            </TableCell>
            <TableCell numeric>{money(line.amountMinor)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
      <TableFoot>
        {totals.map(([label, amount]) => (
          <TableRow key={label}>
            <TableCell colSpan={4} className="text-right text-slate-600">
              {label}
            </TableCell>
            <TableCell numeric>{money(amount)}</TableCell>
          </TableRow>
        ))}
        <TableRow>
          <TableCell colSpan={4} className="text-right font-semibold">
            {t("editor.total")}
          </TableCell>
          <TableCell numeric className="text-base font-semibold" data-testid="invoice-total">
            {money(invoice.totalMinor)}
          </TableCell>
        </TableRow>
      </TableFoot>
    </Table>
  );
}
