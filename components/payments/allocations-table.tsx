import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableEmptyRow, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { formatMoney, type Locale } from "@/lib/domain/money";
import type { PaymentDetail } from "@/lib/server/matching/queries";
import { UnmatchButton } from "./allocation-actions";

export async function AllocationsTable({ org, payment, canAct }: { org: string; payment: PaymentDetail; canAct: boolean }) {
  const t = await getTranslations("matching");
  const locale = (await getLocale()) as Locale;
  return (
    <Table caption={t("allocations.title")} data-testid="allocations">
      <TableHead>
        <TableRow>
          <TableHeaderCell>{t("allocations.target")}</TableHeaderCell>
          <TableHeaderCell>{t("allocations.method")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("allocations.amount")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("allocations.settles")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("allocations.charges")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("allocations.fee")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("allocations.net")}</TableHeaderCell>
          <TableHeaderCell>
            <span className="sr-only">{t("allocations.unmatch")}</span>
          </TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {payment.allocations.length === 0 ? <TableEmptyRow colSpan={8}>{t("allocations.empty")}</TableEmptyRow> : null}
        {payment.allocations.map((allocation) => {
          const invoiceCurrency = allocation.invoiceCurrency ?? payment.currency;
          // No fee yet: a buyer's credit is charged when it pays an invoice, card money when it clears.
          const unchargedFee = allocation.target === "buyer_credit" ? t("allocations.feeNotCharged") : allocation.method === "card" ? t("allocations.feeOnClearing") : t("payment.none");
          return (
            <TableRow key={allocation.id} data-testid="allocation-row" className={allocation.reversedAt ? "text-slate-400 line-through" : undefined}>
              <TableCell>
                {allocation.target === "invoice" && allocation.invoiceId ? (
                  <Link href={`/o/${org}/invoices/${allocation.invoiceId}`} className="font-medium text-teal-800 hover:underline">
                    {allocation.invoiceNumber}
                  </Link>
                ) : (
                  t("allocations.creditFor", { buyer: allocation.buyerName ?? "" })
                )}
                {allocation.currencyMismatch ? (
                  <Badge tone="warning" className="ml-2">
                    {t("allocations.currencyMismatch")}
                  </Badge>
                ) : null}
                {allocation.reversedAt ? (
                  <Badge tone="neutral" className="ml-2 no-underline">
                    {t("allocations.reversed")}
                  </Badge>
                ) : null}
              </TableCell>
              <TableCell>{t(`method.${allocation.method}`)}</TableCell>
              <TableCell numeric>{formatMoney(allocation.amountMinor, payment.currency, locale)}</TableCell>
              <TableCell numeric>{allocation.target === "invoice" ? formatMoney(allocation.invoiceAmountMinor, invoiceCurrency, locale) : t("payment.none")}</TableCell>
              <TableCell numeric>{allocation.bankChargesMinor > 0n ? formatMoney(allocation.bankChargesMinor, invoiceCurrency, locale) : t("payment.none")}</TableCell>
              <TableCell numeric data-testid="allocation-fee">
                {allocation.feeMinor !== null ? formatMoney(allocation.feeMinor, payment.currency, locale) : <span className="text-xs text-slate-500">{unchargedFee}</span>}
              </TableCell>
              <TableCell numeric data-testid="allocation-net">
                {allocation.feeMinor !== null ? formatMoney(allocation.amountMinor - allocation.feeMinor, payment.currency, locale) : t("payment.none")}
              </TableCell>
              <TableCell className="text-right">
                {canAct && !allocation.reversedAt && allocation.method !== "card" ? <UnmatchButton org={org} allocationId={allocation.id} /> : null}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
