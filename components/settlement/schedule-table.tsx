import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableEmptyRow, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { SettlementPreviewRow } from "@/lib/domain/settlement/due";
import type { SettlementSchedule } from "@/lib/domain/settlement/schedule";
import { describeSchedule, isoDateValue, SETTLEMENT_DATE_FORMAT } from "./describe";

export interface ScheduleRow {
  currency: string;
  schedule: SettlementSchedule;
  payoutCurrency: string;
  custom: boolean;
  updatedByName: string | null;
  updatedAt: Date | null;
  /** The next settlement dates for money clearing from today. */
  next: SettlementPreviewRow[];
}

/** Each currency's schedule, where it is paid and its next settlement dates. */
export async function ScheduleTable({ rows }: { rows: ScheduleRow[] }) {
  const t = await getTranslations("settlement");
  const format = await getFormatter();
  const date = (iso: string) => format.dateTime(isoDateValue(iso), SETTLEMENT_DATE_FORMAT);
  return (
    <Table caption={t("schedules.caption")}>
      <TableHead>
        <TableRow>
          <TableHeaderCell>{t("schedules.currency")}</TableHeaderCell>
          <TableHeaderCell>{t("schedules.schedule")}</TableHeaderCell>
          <TableHeaderCell>{t("schedules.payoutCurrency")}</TableHeaderCell>
          <TableHeaderCell>{t("schedules.next")}</TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.length === 0 ? <TableEmptyRow colSpan={4}>{t("schedules.none")}</TableEmptyRow> : null}
        {rows.map((row) => (
          <TableRow key={row.currency} data-testid={`schedule-${row.currency}`}>
            <TableCell className="font-medium">{row.currency}</TableCell>
            <TableCell className="text-sm">
              {describeSchedule(t, row.schedule)}
              <span className="block text-xs text-slate-600">
                {row.custom && row.updatedAt ? (
                  t("schedules.setBy", { name: row.updatedByName ?? "—", date: format.dateTime(row.updatedAt, { dateStyle: "medium", timeZone: "Asia/Shanghai" }) })
                ) : (
                  <Badge>{t("schedules.standard")}</Badge>
                )}
              </span>
            </TableCell>
            <TableCell className="text-sm">{row.payoutCurrency === row.currency ? row.currency : t("schedules.converted", { currency: row.currency })}</TableCell>
            <TableCell className="tabular text-sm">
              {row.schedule.kind === "on_demand" ? (
                t("schedules.onDemand")
              ) : (
                <ul>
                  {row.next.map((next) => (
                    <li key={next.settlesOn}>{date(next.settlesOn)}</li>
                  ))}
                </ul>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
