import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AddHolidayForm, AddMakeUpDayForm, RemoveCalendarEntry, RestoreYearForm, YearStatusForm } from "@/components/settlement/calendar-forms";
import { isoDateValue, SETTLEMENT_DATE_FORMAT } from "@/components/settlement/describe";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableEmptyRow, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { daysBetween } from "@/lib/domain/settlement";
import { requireStaff } from "@/lib/server/auth/viewer";
import { calendarYears } from "@/lib/server/settlement/calendar";

export const dynamic = "force-dynamic";

/** A table of one year's entries; its last column holds each row's remove button. `empty` replaces no rows. */
function CalendarTable({ title, caption, columns, removeLabel, empty, children }: {
  title: string;
  caption: string;
  columns: { label: string; numeric?: boolean }[];
  removeLabel: string;
  empty: string | null;
  children: ReactNode;
}) {
  return (
    <section className="flex flex-col gap-2">
      <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
      <Table caption={caption}>
        <TableHead>
          <TableRow>
            {columns.map((column) => (
              <TableHeaderCell key={column.label} numeric={column.numeric}>
                {column.label}
              </TableHeaderCell>
            ))}
            <TableHeaderCell>
              <span className="sr-only">{removeLabel}</span>
            </TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {empty ? <TableEmptyRow colSpan={columns.length + 1}>{empty}</TableEmptyRow> : null}
          {children}
        </TableBody>
      </Table>
    </section>
  );
}

export default async function SettlementCalendarPage() {
  await requireStaff(["platform_admin"]);
  const t = await getTranslations("settlement.calendar");
  const format = await getFormatter();
  const years = await calendarYears();
  const date = (iso: string) => format.dateTime(isoDateValue(iso), SETTLEMENT_DATE_FORMAT);

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} description={t("description")} />
      {years.map((year) => (
        <Card key={year.year} data-testid={`calendar-${year.year}`}>
          <CardHeader
            title={t("yearTitle", { year: year.year })}
            description={year.note}
            actions={
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone={year.status === "official" ? "success" : "warning"}>{t(year.status)}</Badge>
                <Badge tone={year.origin === "edited" ? "info" : "neutral"}>
                  {year.origin === "edited" && year.updatedAt
                    ? t("edited", { name: year.updatedByName ?? "—", date: format.dateTime(year.updatedAt, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" }) })
                    : t("shipped")}
                </Badge>
              </div>
            }
          />
          <CardBody className="flex flex-col gap-6">
            <CalendarTable
              title={t("holidays")}
              caption={t("holidaysCaption", { year: year.year })}
              columns={[{ label: t("name") }, { label: t("from") }, { label: t("to") }, { label: t("days"), numeric: true }]}
              removeLabel={t("remove")}
              empty={year.holidays.length === 0 ? t("noHolidays") : null}
            >
              {year.holidays.map((period) => (
                <TableRow key={period.from}>
                  <TableCell>
                    {period.name}
                    <span className="block text-xs text-slate-600">{period.nameEn}</span>
                  </TableCell>
                  <TableCell className="tabular text-sm">{date(period.from)}</TableCell>
                  <TableCell className="tabular text-sm">{date(period.to)}</TableCell>
                  <TableCell numeric>{daysBetween(period.from, period.to) + 1}</TableCell>
                  <TableCell>
                    <RemoveCalendarEntry entry={{ kind: "holiday", year: year.year, from: period.from }} label={t("removeHoliday", { name: period.name })} />
                  </TableCell>
                </TableRow>
              ))}
            </CalendarTable>
            <CalendarTable
              title={t("makeUpDays")}
              caption={t("makeUpCaption", { year: year.year })}
              columns={[{ label: t("date") }, { label: t("for") }]}
              removeLabel={t("remove")}
              empty={year.makeUpWorkdays.length === 0 ? t("noMakeUpDays") : null}
            >
              {year.makeUpWorkdays.map((day) => (
                <TableRow key={day.date}>
                  <TableCell className="tabular text-sm">{date(day.date)}</TableCell>
                  <TableCell>{day.for}</TableCell>
                  <TableCell>
                    <RemoveCalendarEntry entry={{ kind: "makeUpDay", date: day.date }} label={t("removeMakeUpDay", { date: date(day.date) })} />
                  </TableCell>
                </TableRow>
              ))}
            </CalendarTable>
            <section className="flex flex-col gap-2">
              <h3 className="text-sm font-semibold text-slate-900">{t("statusTitle")}</h3>
              <YearStatusForm year={year.year} status={year.status} source={year.source} />
              {year.origin === "edited" ? <RestoreYearForm year={year.year} shipped={year.shipped} /> : null}
            </section>
          </CardBody>
        </Card>
      ))}
      <Card>
        <CardHeader title={t("addHoliday")} description={t("addYearHint")} />
        <CardBody>
          <AddHolidayForm />
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={t("addMakeUpDay")} />
        <CardBody>
          <AddMakeUpDayForm />
        </CardBody>
      </Card>
    </div>
  );
}
