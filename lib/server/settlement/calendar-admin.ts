import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Transaction } from "@/db/client";
import { settlementCalendarYears } from "@/db/schema";
import { type HolidayYear, holidayYearProblems, isIsoDate, yearOf } from "@/lib/domain/settlement";
import { ActionError } from "../guard/action-error";
import { defineAction, type SignedInContext } from "../guard/define-action";
import { calendarYears } from "./calendar";

const ADMIN = { kind: "staff", roles: ["platform_admin"] } as const;
const isoDate = z.string().trim().refine(isIsoDate, "validation.format");
const year = z.coerce.number().int().min(2000).max(2100);
const name = z.string().trim().min(1, "validation.required").max(60);

/** A year nobody entered yet: an empty provisional one, to which holidays are added. */
const emptyYear = (value: number): HolidayYear => ({ year: value, status: "provisional", source: "Entered by platform admins", holidays: [], makeUpWorkdays: [] });

/**
 * Changes one year of the calendar: the shipped data (or the previous edit) with `change` applied, checked whole
 * with holidayYearProblems, stored as the year's row. Edits of one year run one at a time.
 */
async function editYear(ctx: SignedInContext, value: number, change: (data: HolidayYear) => HolidayYear): Promise<HolidayYear> {
  const tx: Transaction = ctx.tx;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`settlement-calendar:${value}`}, 0))`);
  const current = (await calendarYears(tx)).find((data) => data.year === value) ?? emptyYear(value);
  const next = change({ year: current.year, status: current.status, source: current.source, note: current.note, holidays: current.holidays, makeUpWorkdays: current.makeUpWorkdays });
  const [problem] = holidayYearProblems(next);
  if (problem) throw new ActionError(`settlement_calendar_${problem}`, { year: value });
  const row = {
    status: next.status,
    source: next.source,
    note: next.note ?? null,
    holidays: [...next.holidays].sort((a, b) => a.from.localeCompare(b.from)),
    makeUpWorkdays: [...next.makeUpWorkdays].sort((a, b) => a.date.localeCompare(b.date)),
    updatedBy: ctx.auth.user.id,
    updatedAt: new Date(),
  };
  await tx.insert(settlementCalendarYears).values({ year: value, ...row }).onConflictDoUpdate({ target: settlementCalendarYears.year, set: row });
  return next;
}

/** Platform admins add a holiday period (its year is the year of its first day). */
export const addHolidayAction = defineAction({
  name: "settlement.addHoliday",
  access: ADMIN,
  input: z.object({ name, nameEn: name, from: isoDate, to: isoDate }),
  async handler(ctx, input) {
    const period = { name: input.name, nameEn: input.nameEn, from: input.from, to: input.to };
    await editYear(ctx, yearOf(input.from), (data) => ({ ...data, holidays: [...data.holidays, period] }));
    ctx.audit(`settlement-calendar:${yearOf(input.from)}`, { added: period });
    return { year: yearOf(input.from) };
  },
});

export const removeHolidayAction = defineAction({
  name: "settlement.removeHoliday",
  access: ADMIN,
  input: z.object({ year, from: isoDate }),
  async handler(ctx, input) {
    let removed: HolidayYear["holidays"][number] | undefined;
    await editYear(ctx, input.year, (data) => {
      removed = data.holidays.find((period) => period.from === input.from);
      if (!removed) throw new ActionError("settlement_calendar_entry_not_found");
      return { ...data, holidays: data.holidays.filter((period) => period !== removed) };
    });
    ctx.audit(`settlement-calendar:${input.year}`, { removed });
    return { year: input.year };
  },
});

/** A weekend day declared a working day (调休上班). */
export const addMakeUpDayAction = defineAction({
  name: "settlement.addMakeUpDay",
  access: ADMIN,
  input: z.object({ date: isoDate, for: name }),
  async handler(ctx, input) {
    const day = { date: input.date, for: input.for };
    await editYear(ctx, yearOf(input.date), (data) => ({ ...data, makeUpWorkdays: [...data.makeUpWorkdays, day] }));
    ctx.audit(`settlement-calendar:${yearOf(input.date)}`, { added: day });
    return { year: yearOf(input.date) };
  },
});

export const removeMakeUpDayAction = defineAction({
  name: "settlement.removeMakeUpDay",
  access: ADMIN,
  input: z.object({ date: isoDate }),
  async handler(ctx, input) {
    const value = yearOf(input.date);
    await editYear(ctx, value, (data) => {
      if (!data.makeUpWorkdays.some((day) => day.date === input.date)) throw new ActionError("settlement_calendar_entry_not_found");
      return { ...data, makeUpWorkdays: data.makeUpWorkdays.filter((day) => day.date !== input.date) };
    });
    ctx.audit(`settlement-calendar:${value}`, { removed: input.date });
    return { year: value };
  },
});

/** Marks a year official once the State Council's notice is entered (or provisional), with where it comes from. */
export const setCalendarYearAction = defineAction({
  name: "settlement.setCalendarYear",
  access: ADMIN,
  input: z.object({ year, status: z.enum(["official", "provisional"]), source: z.string().trim().min(1, "validation.required").max(300) }),
  async handler(ctx, input) {
    await editYear(ctx, input.year, (data) => ({ ...data, status: input.status, source: input.source }));
    ctx.audit(`settlement-calendar:${input.year}`, { status: input.status, source: input.source });
    return { year: input.year };
  },
});

/** Drops admins' edits of a year: the shipped data applies again (a year that never shipped is removed). */
export const restoreCalendarYearAction = defineAction({
  name: "settlement.restoreCalendarYear",
  access: ADMIN,
  input: z.object({ year }),
  async handler(ctx, input) {
    const deleted = await ctx.tx.delete(settlementCalendarYears).where(eq(settlementCalendarYears.year, input.year)).returning({ year: settlementCalendarYears.year });
    if (deleted.length === 0) throw new ActionError("settlement_calendar_nothing_to_restore", { year: input.year });
    ctx.audit(`settlement-calendar:${input.year}`, { restored: true });
    return { year: input.year };
  },
});
