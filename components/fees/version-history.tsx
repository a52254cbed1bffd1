import { getFormatter, getTranslations } from "next-intl/server";
import { calendarDate } from "@/components/invoices/display";
import { Badge } from "@/components/ui/badge";
import type { VersionStatus } from "@/lib/domain/fees/history";
import { Table, TableBody, TableCell, TableEmptyRow, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";

export interface VersionRow {
  version: number;
  effectiveFrom: string;
  publishedAt: Date;
  publishedByName: string | null;
  status: VersionStatus;
}

const TONE = { in_effect: "success", upcoming: "warning", replaced: "neutral" } as const;

/** The published versions of one organization's fee schedule, newest first. */
export async function VersionHistory({ rows, empty }: { rows: VersionRow[]; empty: string }) {
  const t = await getTranslations("fees.admin");
  const format = await getFormatter();
  return (
    <Table caption={t("historyTitle")} data-testid="fee-versions">
      <TableHead>
        <TableRow>
          <TableHeaderCell>{t("columns.version")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.effectiveFrom")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.status")}</TableHeaderCell>
          <TableHeaderCell>{t("columns.published")}</TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.length === 0 ? <TableEmptyRow colSpan={4}>{empty}</TableEmptyRow> : null}
        {rows.map((row) => (
          <TableRow key={row.version}>
            <TableCell className="font-medium">{t("versionLabel", { version: row.version })}</TableCell>
            <TableCell className="tabular">{format.dateTime(calendarDate(row.effectiveFrom), { dateStyle: "medium", timeZone: "UTC" })}</TableCell>
            <TableCell>
              <Badge tone={TONE[row.status]} dot>
                {t(`status.${row.status}`)}
              </Badge>
            </TableCell>
            <TableCell className="text-sm">
              {row.publishedByName
                ? t("publishedBy", { name: row.publishedByName, time: format.dateTime(row.publishedAt, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" }) })
                : t("standardRecorded")}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
