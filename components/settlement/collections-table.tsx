import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Table, TableBody, TableCell, TableEmptyRow, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { type CurrencyCode, formatMoney, type Locale } from "@/lib/domain/money";
import type { BatchStatement, StatementLine } from "@/lib/domain/settlement/batch";
import { isoDateValue } from "./describe";

/** The collections a batch settles: when each cleared, its reference, gross, fees and net. */
export async function CollectionsTable({ statement }: { statement: BatchStatement }) {
  const t = await getTranslations("settlement");
  const format = await getFormatter();
  const locale = (await getLocale()) as Locale;
  const money = (minor: bigint) => formatMoney(minor, statement.currency as CurrencyCode, locale, { display: "code" });
  const collections = statement.lines.filter((line): line is Extract<StatementLine, { kind: "collection" }> => line.kind === "collection");
  return (
    <Table caption={t("statement.collectionsCaption")}>
      <TableHead>
        <TableRow>
          <TableHeaderCell>{t("statement.clearedOn")}</TableHeaderCell>
          <TableHeaderCell>{t("statement.reference")}</TableHeaderCell>
          <TableHeaderCell>{t("statement.source")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("statement.gross")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("statement.fees")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("statement.net")}</TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {collections.length === 0 ? <TableEmptyRow colSpan={6}>{t("statement.noCollections")}</TableEmptyRow> : null}
        {collections.map((line, index) => (
          <TableRow key={`${line.reference}-${index}`} data-testid="statement-collection">
            <TableCell className="tabular text-sm whitespace-nowrap">{format.dateTime(isoDateValue(line.clearedOn), { dateStyle: "medium", timeZone: "UTC" })}</TableCell>
            <TableCell className="tabular text-sm">{line.reference}</TableCell>
            <TableCell className="text-sm">{t(`sources.${line.source}`)}</TableCell>
            <TableCell numeric>{money(line.amountMinor)}</TableCell>
            <TableCell numeric>{line.feesMinor > 0n ? money(-line.feesMinor) : "—"}</TableCell>
            <TableCell numeric>{money(line.amountMinor - line.feesMinor)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
