import { asc, eq } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { settlementCalendarYears, users } from "@/db/schema";
import { type BusinessCalendar, buildCalendar, type HolidayYear, SHIPPED_CN_HOLIDAY_YEARS } from "@/lib/domain/settlement";

/** A year of the calendar in use, and whether it is the shipped data or platform admins' edit of it. */
export interface CalendarYearView extends HolidayYear {
  origin: "shipped" | "edited";
  /** Whether data for the year ships with the project (an edited year can be restored to it). */
  shipped: boolean;
  updatedAt: Date | null;
  updatedByName: string | null;
}

/** Every year of mainland China's business-day calendar: the shipped years, each replaced by its edited row if any. */
export async function calendarYears(executor: Executor = db()): Promise<CalendarYearView[]> {
  const rows = await executor
    .select({ row: settlementCalendarYears, updatedByName: users.name })
    .from(settlementCalendarYears)
    .leftJoin(users, eq(users.id, settlementCalendarYears.updatedBy))
    .orderBy(asc(settlementCalendarYears.year));
  const years = new Map<number, CalendarYearView>();
  for (const data of SHIPPED_CN_HOLIDAY_YEARS) years.set(data.year, { ...data, origin: "shipped", shipped: true, updatedAt: null, updatedByName: null });
  for (const { row, updatedByName } of rows) {
    years.set(row.year, {
      year: row.year,
      status: row.status,
      source: row.source,
      note: row.note ?? undefined,
      holidays: row.holidays,
      makeUpWorkdays: row.makeUpWorkdays,
      origin: "edited",
      shipped: years.has(row.year),
      updatedAt: row.updatedAt,
      updatedByName,
    });
  }
  return [...years.values()].sort((a, b) => a.year - b.year);
}

/** The business-day calendar settlement runs and previews use. */
export async function loadBusinessCalendar(executor: Executor = db()): Promise<BusinessCalendar> {
  return buildCalendar(await calendarYears(executor));
}
