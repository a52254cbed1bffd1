import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { calendarDate } from "@/components/invoices/display";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import type { FeeSchedule } from "@/lib/domain/fees";
import { type FeeRow, feeTable } from "@/lib/domain/fees/side-by-side";
import type { Locale } from "@/lib/domain/money";
import { countriesText, type FeeGroup, type FeesTranslate, groupOf, itemLabel, valueText } from "./display";

const GROUPS: FeeGroup[] = ["collections", "payouts", "other", "fx"];

function Value({ t, row, side, locale }: { t: FeesTranslate; row: FeeRow; side: "current" | "upcoming"; locale: Locale }) {
  const value = row[side];
  if (!value) return null;
  const countries = countriesText(t, value);
  return (
    <>
      <span className="block">{valueText(t, row.feeItem, value, locale)}</span>
      {countries ? <span className="block text-xs text-slate-500">{countries}</span> : null}
    </>
  );
}

/**
 * Every price of the schedule in effect and, when one is published, of the upcoming one beside it, grouped by what
 * they price; rows that change are shaded and say which way (in words, not colour alone).
 */
export async function FeeTable({ current, upcoming }: { current: FeeSchedule; upcoming: FeeSchedule | null }) {
  const t = (await getTranslations("fees")) as unknown as FeesTranslate;
  const format = await getFormatter();
  const locale = (await getLocale()) as Locale;
  const date = (iso: string) => format.dateTime(calendarDate(iso), { dateStyle: "medium", timeZone: "UTC" });
  const rows = feeTable(current, upcoming);
  const columns = upcoming ? 4 : 2;
  return (
    <Table caption={upcoming ? t("schedule.captionSideBySide") : t("schedule.caption")} data-testid="fee-table">
      <TableHead>
        <TableRow>
          <TableHeaderCell>{t("schedule.fee")}</TableHeaderCell>
          <TableHeaderCell>
            {t("schedule.currentColumn", { version: current.version })}
            <span className="block font-normal normal-case">{t("schedule.since", { date: date(current.effectiveFrom) })}</span>
          </TableHeaderCell>
          {upcoming ? (
            <>
              <TableHeaderCell>
                {t("schedule.upcomingColumn", { version: upcoming.version })}
                <span className="block font-normal normal-case">{t("schedule.from", { date: date(upcoming.effectiveFrom) })}</span>
              </TableHeaderCell>
              <TableHeaderCell>{t("schedule.change")}</TableHeaderCell>
            </>
          ) : null}
        </TableRow>
      </TableHead>
      {GROUPS.map((group) => {
        const inGroup = rows.filter((row) => groupOf(row.feeItem) === group);
        return (
          <TableBody key={group}>
            <tr className="bg-slate-50">
              <th scope="colgroup" colSpan={columns} className="px-4 py-2 text-left text-sm font-semibold text-slate-700">
                {t(`groups.${group}`)}
              </th>
            </tr>
            {inGroup.map((row, index) => (
              <TableRow key={`${group}-${index}`} className={cn(row.changes.length > 0 && "bg-amber-50 hover:bg-amber-100/70")} data-changed={row.changes.length > 0 || undefined}>
                <th scope="row" className="px-4 py-3 text-left text-sm font-medium text-slate-800">
                  {itemLabel(t, row.feeItem, locale)}
                </th>
                <TableCell className="tabular">
                  <Value t={t} row={row} side="current" locale={locale} />
                </TableCell>
                {upcoming ? (
                  <>
                    <TableCell className={cn("tabular", row.changes.length > 0 && "font-semibold text-slate-900")}>
                      <Value t={t} row={row} side="upcoming" locale={locale} />
                    </TableCell>
                    <TableCell>
                      {row.changes.length === 0 ? (
                        <span className="text-sm text-slate-500">{t("schedule.unchanged")}</span>
                      ) : (
                        <span className="flex flex-wrap gap-1">
                          {row.changes.map((direction) => (
                            <Badge key={direction} tone={direction === "raised" ? "warning" : "success"}>
                              {t(`schedule.${direction}`)}
                            </Badge>
                          ))}
                        </span>
                      )}
                    </TableCell>
                  </>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        );
      })}
    </Table>
  );
}
