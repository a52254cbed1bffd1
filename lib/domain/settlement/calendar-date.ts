import { addDays, daysBetween, isIsoDate } from "../invoices/dates";

/** Settlement works on calendar dates (`YYYY-MM-DD`, China time), never on instants. */
export type IsoDate = string;

export { addDays, daysBetween, isIsoDate };

function parts(date: IsoDate): [year: number, month: number, day: number] {
  if (!isIsoDate(date)) throw new RangeError(`Not a date: ${date}`);
  return date.split("-").map(Number) as [number, number, number];
}

function format(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** ISO day of the week: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  const [year, month, day] = parts(date);
  const sundayZero = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return sundayZero === 0 ? 7 : sundayZero;
}

export function isWeekend(date: IsoDate): boolean {
  return isoWeekday(date) >= 6;
}

export function yearOf(date: IsoDate): number {
  return parts(date)[0];
}

export function monthOf(date: IsoDate): number {
  return parts(date)[1];
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Day `day` of the month, or the month's last day when the month is shorter (31 → 30 April, 28/29 February). */
export function dayOfMonthClamped(year: number, month: number, day: number): IsoDate {
  return format(year, month, Math.min(day, daysInMonth(year, month)));
}

export function lastDayOfMonth(year: number, month: number): IsoDate {
  return format(year, month, daysInMonth(year, month));
}

/** The first day of the month `offset` months after the month of `date`. */
export function firstOfMonth(date: IsoDate, offset = 0): { year: number; month: number } {
  const [year, month] = parts(date);
  const index = year * 12 + (month - 1) + offset;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}
