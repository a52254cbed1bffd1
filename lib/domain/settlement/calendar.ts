import { addDays, type IsoDate, isIsoDate, isWeekend, yearOf } from "./calendar-date";

/** One published holiday period, inclusive at both ends (weekend days inside it included). */
export interface HolidayPeriod {
  name: string;
  nameEn: string;
  from: IsoDate;
  to: IsoDate;
}

/** A weekend day declared a working day (调休上班) to make up for a bridged weekday. */
export interface MakeUpWorkday {
  date: IsoDate;
  /** The holiday it makes up for. */
  for: string;
}

/**
 * One year's holiday data as shipped in data/holidays/cn-YYYY.json and edited by admins.
 * "provisional" years hold only what the law fixes, pending the State Council's notice.
 */
export interface HolidayYear {
  year: number;
  status: "official" | "provisional";
  source: string;
  note?: string;
  holidays: readonly HolidayPeriod[];
  makeUpWorkdays: readonly MakeUpWorkday[];
}

export interface BusinessCalendar {
  readonly holidays: ReadonlySet<IsoDate>;
  readonly makeUpWorkdays: ReadonlySet<IsoDate>;
  /** The years with data, and how sure that data is. */
  readonly years: ReadonlyMap<number, HolidayYear["status"]>;
}

export type HolidayYearProblem =
  | "bad_year"
  | "bad_date"
  | "date_outside_year"
  | "period_reversed"
  | "period_too_long"
  | "periods_overlap"
  | "make_up_day_not_weekend"
  | "make_up_day_in_holiday"
  | "duplicate_make_up_day";

// A public holiday never lasts longer than this; a longer period is a typing error.
const MAX_PERIOD_DAYS = 15;

function periodDates(period: HolidayPeriod): IsoDate[] {
  const dates: IsoDate[] = [];
  for (let date = period.from; date <= period.to && dates.length <= MAX_PERIOD_DAYS; date = addDays(date, 1)) dates.push(date);
  return dates;
}

/** What is wrong with a year's data (empty when it can be used). */
export function holidayYearProblems(data: HolidayYear): HolidayYearProblem[] {
  const problems = new Set<HolidayYearProblem>();
  if (!Number.isInteger(data.year) || data.year < 2000 || data.year > 2100) return ["bad_year"];
  const inYear = (date: IsoDate) => yearOf(date) === data.year;

  const holidayDates = new Set<IsoDate>();
  for (const period of data.holidays) {
    if (!isIsoDate(period.from) || !isIsoDate(period.to)) {
      problems.add("bad_date");
      continue;
    }
    if (!inYear(period.from) || !inYear(period.to)) problems.add("date_outside_year");
    const dates = periodDates(period);
    if (period.to < period.from) problems.add("period_reversed");
    if (dates.length > MAX_PERIOD_DAYS) problems.add("period_too_long");
    for (const date of dates) {
      if (holidayDates.has(date)) problems.add("periods_overlap");
      holidayDates.add(date);
    }
  }

  const makeUpDates = new Set<IsoDate>();
  for (const { date } of data.makeUpWorkdays) {
    if (!isIsoDate(date)) {
      problems.add("bad_date");
      continue;
    }
    if (!inYear(date)) problems.add("date_outside_year");
    if (!isWeekend(date)) problems.add("make_up_day_not_weekend");
    if (holidayDates.has(date)) problems.add("make_up_day_in_holiday");
    if (makeUpDates.has(date)) problems.add("duplicate_make_up_day");
    makeUpDates.add(date);
  }
  return [...problems];
}

export class CalendarDataError extends Error {
  readonly code = "invalid_holiday_data";

  constructor(
    readonly year: number,
    readonly problems: readonly string[],
  ) {
    super(`Holiday data for ${year} is invalid: ${problems.join(", ")}`);
    this.name = "CalendarDataError";
  }
}

/** A calendar from years of holiday data; throws CalendarDataError on invalid or repeated years. */
export function buildCalendar(years: readonly HolidayYear[]): BusinessCalendar {
  const holidays = new Set<IsoDate>();
  const makeUpWorkdays = new Set<IsoDate>();
  const statuses = new Map<number, HolidayYear["status"]>();
  for (const data of years) {
    const problems: string[] = holidayYearProblems(data);
    if (statuses.has(data.year)) problems.push("duplicate_year");
    if (problems.length > 0) throw new CalendarDataError(data.year, problems);
    statuses.set(data.year, data.status);
    for (const period of data.holidays) for (const date of periodDates(period)) holidays.add(date);
    for (const { date } of data.makeUpWorkdays) makeUpWorkdays.add(date);
  }
  return { holidays, makeUpWorkdays, years: statuses };
}

/** A calendar of weekends only, for tests and for currencies without a holiday calendar. */
export const WEEKENDS_ONLY: BusinessCalendar = buildCalendar([]);

/**
 * Monday to Friday, except holidays; plus make-up working days (调休上班), which are weekend days.
 * For a year without data only weekends are non-business days: check `calendarCovers` to warn.
 */
export function isBusinessDay(date: IsoDate, calendar: BusinessCalendar): boolean {
  if (calendar.makeUpWorkdays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  return !isWeekend(date);
}

export function calendarCovers(date: IsoDate, calendar: BusinessCalendar): HolidayYear["status"] | null {
  return calendar.years.get(yearOf(date)) ?? null;
}

// China's longest run of days off (Spring Festival plus a weekend) is under two weeks.
const MAX_NON_BUSINESS_RUN = 31;

function step(date: IsoDate, direction: 1 | -1, calendar: BusinessCalendar): IsoDate {
  let candidate = date;
  for (let i = 0; i < MAX_NON_BUSINESS_RUN; i++) {
    candidate = addDays(candidate, direction);
    if (isBusinessDay(candidate, calendar)) return candidate;
  }
  throw new RangeError(`No business day within ${MAX_NON_BUSINESS_RUN} days of ${date}`);
}

/** The first business day strictly after `date`. */
export function nextBusinessDay(date: IsoDate, calendar: BusinessCalendar): IsoDate {
  return step(date, 1, calendar);
}

export function previousBusinessDay(date: IsoDate, calendar: BusinessCalendar): IsoDate {
  return step(date, -1, calendar);
}

/** `date` itself when it is a business day, else the next one (the "following" convention). */
export function rollToBusinessDay(date: IsoDate, calendar: BusinessCalendar): IsoDate {
  return isBusinessDay(date, calendar) ? date : nextBusinessDay(date, calendar);
}

/**
 * Counts `n` business days from `date` (forwards, or backwards when negative); `date` itself
 * need not be a business day: Saturday + 1 is Monday. n = 0 returns `date` unchanged.
 */
export function addBusinessDays(date: IsoDate, n: number, calendar: BusinessCalendar): IsoDate {
  if (!Number.isSafeInteger(n)) throw new RangeError(`Business days must be an integer, got ${n}`);
  let result = date;
  for (let i = 0; i < Math.abs(n); i++) result = step(result, n > 0 ? 1 : -1, calendar);
  return result;
}
