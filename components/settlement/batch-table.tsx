import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { PayoutStatusBadge } from "@/components/payouts/status-badge";
import { Table, TableBody, TableCell, TableEmptyRow, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { type CurrencyCode, formatMoney, type Locale } from "@/lib/domain/money";
import type { BatchListRow } from "@/lib/server/settlement/queries";
import { BatchStatusBadge } from "./batch-status-badge";
import { isoDateValue, SETTLEMENT_DATE_FORMAT } from "./describe";

/** The organization's settlement batches, each linking to its statement. */
export async function BatchTable({ org, batches }: { org: string; batches: BatchListRow[] }) {
  const t = await getTranslations("settlement.batches");
  const format = await getFormatter();
  const locale = (await getLocale()) as Locale;
  const money = (minor: bigint, currency: string) => formatMoney(minor, currency as CurrencyCode, locale, { display: "code" });
  return (
    <Table caption={t("caption")}>
      <TableHead>
        <TableRow>
          <TableHeaderCell>{t("runDate")}</TableHeaderCell>
          <TableHeaderCell>{t("currency")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("collections")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("gross")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("net")}</TableHeaderCell>
          <TableHeaderCell>{t("status")}</TableHeaderCell>
          <TableHeaderCell>{t("payout")}</TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {batches.length === 0 ? <TableEmptyRow colSpan={7}>{t("empty")}</TableEmptyRow> : null}
        {batches.map((batch) => {
          const date = format.dateTime(isoDateValue(batch.runDate), SETTLEMENT_DATE_FORMAT);
          return (
            <TableRow key={batch.id} data-testid="batch-row">
              <TableCell className="tabular text-sm">
                <Link href={`/o/${org}/settlement/${batch.id}`} className="font-medium text-teal-800 hover:underline" aria-label={t("open", { date, currency: batch.currency })}>
                  {date}
                </Link>
              </TableCell>
              <TableCell className="text-sm">{batch.payoutCurrency === batch.currency ? batch.currency : `${batch.currency} → ${batch.payoutCurrency}`}</TableCell>
              <TableCell numeric>{batch.collections}</TableCell>
              <TableCell numeric>{money(batch.grossMinor, batch.currency)}</TableCell>
              <TableCell numeric>{batch.netMinor === null ? "—" : money(batch.netMinor, batch.payoutCurrency)}</TableCell>
              <TableCell>
                <BatchStatusBadge status={batch.status} />
              </TableCell>
              <TableCell>
                {batch.payoutId && batch.payoutStatus ? (
                  <Link href={`/o/${org}/payouts/${batch.payoutId}`} className="hover:underline">
                    <PayoutStatusBadge status={batch.payoutStatus} />
                  </Link>
                ) : (
                  "—"
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
