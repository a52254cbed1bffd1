import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableEmptyRow, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { entryDescription } from "@/lib/domain/ledger/descriptions";
import { formatMoney } from "@/lib/domain/money";
import type { AccountLine } from "@/lib/server/ledger";

export async function HistoryTable({ lines, org, timeZone }: { lines: AccountLine[]; org: string; timeZone: string }) {
  const t = await getTranslations("balances");
  const format = await getFormatter();
  const locale = (await getLocale()) as "en" | "zh-CN";
  return (
    <Table caption={t("history")}>
      <TableHead>
        <TableRow>
          <TableHeaderCell>{t("columns.time")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.type")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.description")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.account")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("columns.amount")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("columns.balanceAfter")}</TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {lines.length === 0 ? <TableEmptyRow colSpan={6}>{t("noLines")}</TableEmptyRow> : null}
        {lines.map((line) => {
          const description = entryDescription(t, line.description);
          return (
            <TableRow key={line.id}>
              <TableCell className="whitespace-nowrap tabular text-sm">
                {format.dateTime(line.createdAt, { dateStyle: "short", timeStyle: "short", timeZone })}
              </TableCell>
              <TableCell>
                <Link href={`/o/${org}/balances/entries/${line.entryId}`} className="font-medium text-teal-800 hover:underline">
                  {t.has(`types.${line.type}`) ? t(`types.${line.type}`) : line.type}
                </Link>
                {line.reversedByEntryId ? <Badge tone="neutral">{t("reversed")}</Badge> : null}
              </TableCell>
              <TableCell className="max-w-xs truncate text-sm" title={description}>
                {description}
              </TableCell>
              <TableCell className="text-sm">{t(line.accountKind)}</TableCell>
              <TableCell numeric className={line.amountMinor < 0n ? "text-red-700" : "text-emerald-700"}>
                {formatMoney(line.amountMinor, line.currency, locale)}
              </TableCell>
              <TableCell numeric>{formatMoney(line.balanceAfterMinor, line.currency, locale)}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
