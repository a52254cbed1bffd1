import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableEmptyRow, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { StatementImportRow } from "@/lib/server/statements/queries";

export const STATUS_TONE: Record<StatementImportRow["status"], BadgeTone> = { processing: "info", completed: "success", failed: "danger" };

/** The organization's imports, newest first, each linking to its detail page. */
export function ImportTable({ org, rows, timeZone }: { org: string; rows: StatementImportRow[]; timeZone: string }) {
  const t = useTranslations("statements");
  const format = useFormatter();
  return (
    <Table caption={t("list.caption")} data-testid="statement-imports">
      <TableHead>
        <tr>
          <TableHeaderCell>{t("list.date")}</TableHeaderCell>
          <TableHeaderCell>{t("list.file")}</TableHeaderCell>
          <TableHeaderCell>{t("list.format")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("list.transactions")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("list.imported")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("list.duplicates")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("list.matched")}</TableHeaderCell>
          <TableHeaderCell numeric>{t("list.skipped")}</TableHeaderCell>
          <TableHeaderCell>{t("list.status")}</TableHeaderCell>
        </tr>
      </TableHead>
      <TableBody>
        {rows.length === 0 ? <TableEmptyRow colSpan={9}>{t("list.empty")}</TableEmptyRow> : null}
        {rows.map((row) => (
          <TableRow key={row.id}>
            <TableCell className="whitespace-nowrap">{format.dateTime(row.createdAt, { dateStyle: "medium", timeStyle: "short", timeZone })}</TableCell>
            <TableCell>
              <Link href={`/o/${org}/statements/${row.id}`} className="font-medium text-teal-800 hover:underline">
                {row.fileName}
              </Link>
            </TableCell>
            <TableCell>{t(`formats.${row.format.replace(".", "")}`)}</TableCell>
            <TableCell numeric>{row.status === "processing" && row.total ? `${row.transactionCount} / ${row.total}` : row.transactionCount}</TableCell>
            <TableCell numeric>{row.importedCount}</TableCell>
            <TableCell numeric>{row.duplicateCount}</TableCell>
            <TableCell numeric>{row.matchedCount}</TableCell>
            <TableCell numeric>{row.skippedCount}</TableCell>
            <TableCell>
              <div className="flex flex-wrap gap-1.5">
                <Badge tone={STATUS_TONE[row.status]}>{t(`status.${row.status}`)}</Badge>
                {row.balanceMismatch ? (
                  <Badge tone="warning" title={t("list.mismatchHint")}>
                    {t("list.mismatch")}
                  </Badge>
                ) : null}
              </div>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
