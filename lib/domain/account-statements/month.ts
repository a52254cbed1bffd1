import { localDateOf, startOfLocalDate } from "../time/local-day";

/** A calendar month as `YYYY-MM`: the period of one account statement. */
export type StatementMonth = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isStatementMonth(value: string): value is StatementMonth {
  return MONTH.test(value) && value >= "1970-01";
}

function parts(month: StatementMonth): [number, number] {
  const match = MONTH.exec(month);
  if (!match) throw new RangeError(`Not a month: ${month}`);
  return [Number(match[1]), Number(match[2])];
}

function format(year: number, month: number): StatementMonth {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
}

export function nextMonth(month: StatementMonth): StatementMonth {
  const [year, m] = parts(month);
  return m === 12 ? format(year + 1, 1) : format(year, m + 1);
}

export function previousMonth(month: StatementMonth): StatementMonth {
  const [year, m] = parts(month);
  return m === 1 ? format(year - 1, 12) : format(year, m - 1);
}

/** The month an instant falls in on the wall clock of `timeZone`. */
export function monthOf(instant: Date, timeZone: string): StatementMonth {
  return localDateOf(instant, timeZone).slice(0, 7);
}

/** The statement period: from the first local midnight of the month (inclusive) to the next month's (exclusive). */
export function monthBounds(month: StatementMonth, timeZone: string): { start: Date; end: Date } {
  return { start: startOfLocalDate(`${month}-01`, timeZone), end: startOfLocalDate(`${nextMonth(month)}-01`, timeZone) };
}

/** The first and last calendar dates of the month, as printed on the statement. */
export function monthDates(month: StatementMonth): { first: string; last: string } {
  const [year, m] = parts(month);
  const days = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${String(days).padStart(2, "0")}` };
}

/** The most recent month that has ended: the statement shown by default. */
export function lastFullMonth(now: Date, timeZone: string): StatementMonth {
  return previousMonth(monthOf(now, timeZone));
}

/** Months from `newest` back to `oldest`, newest first, at most `limit` of them; empty when oldest is later. */
export function monthsBack(newest: StatementMonth, oldest: StatementMonth, limit: number): StatementMonth[] {
  const months: StatementMonth[] = [];
  for (let month = newest; month >= oldest && months.length < limit; month = previousMonth(month)) months.push(month);
  return months;
}
