import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Table, TableBody, TableCell, TableEmptyRow, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { type CurrencyCode, formatMoney, type Locale } from "@/lib/domain/money";
import type { PayoutPageRow } from "@/lib/server/payouts/list";
import { PayoutStatusBadge } from "./status-badge";

/** A page of the organization's payouts in the list's order, each linking to its page. */
export async function PayoutTable({ org, payouts, timeZone }: { org: string; payouts: PayoutPageRow[]; timeZone: string }) {
  const t = await getTranslations("payouts");
  const format = await getFormatter();
  const locale = (await getLocale()) as Locale;
  const money = (minor: bigint, currency: string) => formatMoney(minor, currency as CurrencyCode, locale, { display: "code" });
  return (
    <Table caption={t("list.title")}>
      <TableHead>
        <TableRow>
          <TableHeaderCell>{t("list.requested")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("list.amount")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("list.fees")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("list.net")}</TableHeaderCell>
          <TableHeaderCell>{t("list.speed")}</TableHeaderCell>
          <TableHeaderCell>{t("list.status")}</TableHeaderCell>
          <TableHeaderCell>{t("list.requestedBy")}</TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {payouts.length === 0 ? <TableEmptyRow colSpan={7}>{t("list.empty")}</TableEmptyRow> : null}
        {payouts.map((payout) => (
          <TableRow key={payout.id} data-testid="payout-row">
            <TableCell className="tabular text-sm">
              <Link href={`/o/${org}/payouts/${payout.id}`} className="font-medium text-teal-800 hover:underline" aria-label={t("list.open", { amount: money(payout.amountMinor, payout.currency) })}>
                {format.dateTime(payout.requestedAt, { dateStyle: "medium", timeStyle: "short", timeZone })}
              </Link>
            </TableCell>
            <TableCell numeric>{money(payout.amountMinor, payout.currency)}</TableCell>
            <TableCell numeric>{money(payout.feeMinor, payout.currency)}</TableCell>
            <TableCell numeric>{money(payout.netMinor, payout.currency)}</TableCell>
            <TableCell className="text-sm">{t(`speeds.${payout.speed}`)}</TableCell>
            <TableCell>
              <PayoutStatusBadge status={payout.status} />
            </TableCell>
            <TableCell className="text-sm">{payout.origin === "settlement" ? t("list.settlementRun") : (payout.requesterName ?? t("detail.someone"))}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
