import { getFormatter, getTranslations } from "next-intl/server";
import { Table, TableBody, TableCell, TableEmptyRow, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";

export interface AuditRow {
  id: bigint;
  at: Date;
  action: string;
  target: string | null;
  summary: Record<string, unknown>;
  ip: string | null;
  actorEmail: string | null;
  actorIsStaff: boolean;
  organization: string | null;
}

export async function AuditTable({ rows, timeZone, showOrganization }: { rows: AuditRow[]; timeZone: string; showOrganization: boolean }) {
  const t = await getTranslations("audit");
  const format = await getFormatter();
  const columns = showOrganization ? 6 : 5;
  return (
    <Table caption={t("title")}>
      <TableHead>
        <TableRow>
          <TableHeaderCell>{t("at")}</TableHeaderCell>
          {showOrganization ? <TableHeaderCell>{t("organization")}</TableHeaderCell> : null}
          <TableHeaderCell>{t("actor")}</TableHeaderCell>
          <TableHeaderCell>{t("action")}</TableHeaderCell>
          <TableHeaderCell>{t("change")}</TableHeaderCell>
          <TableHeaderCell>{t("ip")}</TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.length === 0 ? <TableEmptyRow colSpan={columns}>{t("empty")}</TableEmptyRow> : null}
        {rows.map((row) => (
          <TableRow key={row.id.toString()}>
            <TableCell className="whitespace-nowrap tabular">
              {format.dateTime(row.at, { dateStyle: "short", timeStyle: "medium", timeZone })}
            </TableCell>
            {showOrganization ? <TableCell>{row.organization ?? "—"}</TableCell> : null}
            <TableCell>{row.actorEmail ?? (row.actorIsStaff ? t("platformStaff") : t("system"))}</TableCell>
            <TableCell>
              <code className="text-xs">{row.action}</code>
              {row.target ? <div className="text-xs text-slate-500">{row.target}</div> : null}
            </TableCell>
            <TableCell>
              <code className="block max-w-md truncate text-xs text-slate-700" title={JSON.stringify(row.summary)}>
                {JSON.stringify(row.summary)}
              </code>
            </TableCell>
            <TableCell className="text-xs">{row.ip ?? ""}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
