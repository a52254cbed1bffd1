import { addBusinessDays, type BusinessCalendar, isBusinessDay, rollToBusinessDay } from "./calendar";
import { addDays, dayOfMonthClamped, firstOfMonth, type IsoDate, isoWeekday, lastDayOfMonth } from "./calendar-date";

/** A day of the month (1–31; 29–31 mean the month's last day in shorter months) or its last day. */
export type MonthDay = number | "month_end";

/**
 * When cleared funds are paid out, per organization and currency.
 * - rolling: T+N, N business days after the clearing date.
 * - weekly: on an ISO weekday (1 = Monday … 5 = Friday).
 * - monthly: on a day of every month.
 * - quarterly: on a day of the last month of each quarter (March, June, September, December).
 * - on_demand: only when the finance user requests a payout.
 * Fixed days (weekly, monthly, quarterly) that fall on a non-business day roll forward to the
 * next business day, even into the next month (the "following" convention, not "modified following").
 */
export type SettlementSchedule =
  | { kind: "rolling"; businessDays: number }
  | { kind: "weekly"; weekday: number }
  | { kind: "monthly"; day: MonthDay }
  | { kind: "quarterly"; day: MonthDay }
  | { kind: "on_demand" };

export const MAX_ROLLING_BUSINESS_DAYS = 30;

export type SettlementScheduleProblem = "rolling_days_out_of_range" | "weekday_out_of_range" | "month_day_out_of_range";

export function settlementScheduleProblem(schedule: SettlementSchedule): SettlementScheduleProblem | null {
  switch (schedule.kind) {
    case "rolling":
      return Number.isInteger(schedule.businessDays) && schedule.businessDays >= 0 && schedule.businessDays <= MAX_ROLLING_BUSINESS_DAYS
        ? null
        : "rolling_days_out_of_range";
    case "weekly":
      return Number.isInteger(schedule.weekday) && schedule.weekday >= 1 && schedule.weekday <= 5 ? null : "weekday_out_of_range";
    case "monthly":
    case "quarterly":
      return schedule.day === "month_end" || (Number.isInteger(schedule.day) && schedule.day >= 1 && schedule.day <= 31)
        ? null
        : "month_day_out_of_range";
    case "on_demand":
      return null;
  }
}

function dayInMonth(year: number, month: number, day: MonthDay): IsoDate {
  return day === "month_end" ? lastDayOfMonth(year, month) : dayOfMonthClamped(year, month, day);
}

/** The schedule's nominal dates (before rolling), in order, from the period containing `from` onwards. */
function* nominalDates(schedule: Extract<SettlementSchedule, { kind: "weekly" | "monthly" | "quarterly" }>, from: IsoDate) {
  if (schedule.kind === "weekly") {
    let date = addDays(from, -((isoWeekday(from) - schedule.weekday + 7) % 7));
    for (;;) {
      yield date;
      date = addDays(date, 7);
    }
  }
  const monthsApart = schedule.kind === "monthly" ? 1 : 3;
  const start = firstOfMonth(from);
  // The quarter's last month: March, June, September, December.
  let offset = schedule.kind === "monthly" ? 0 : (3 - (start.month % 3)) % 3;
  for (;;) {
    const { year, month } = firstOfMonth(from, offset);
    yield dayInMonth(year, month, schedule.day);
    offset += monthsApart;
  }
}

// Further back than any run of non-business days, so no earlier nominal date can roll past the clearing date.
const LOOKBACK_DAYS = 31;

/**
 * The business day on which funds cleared on `clearedOn` are settled; null for on-demand schedules.
 * Rolling: a clearing on a non-business day counts from the next business day (T), so T+0 is that
 * day and T+1 from a Saturday is Tuesday. Fixed: the first scheduled settlement day, after rolling,
 * strictly after the clearing date, so funds cleared on a settlement day wait for the next one.
 */
export function settlementDate(schedule: SettlementSchedule, clearedOn: IsoDate, calendar: BusinessCalendar): IsoDate | null {
  const problem = settlementScheduleProblem(schedule);
  if (problem) throw new RangeError(`Invalid settlement schedule: ${problem}`);
  if (schedule.kind === "on_demand") return null;
  if (schedule.kind === "rolling") return addBusinessDays(rollToBusinessDay(clearedOn, calendar), schedule.businessDays, calendar);
  for (const nominal of nominalDates(schedule, addDays(clearedOn, -LOOKBACK_DAYS))) {
    const rolled = rollToBusinessDay(nominal, calendar);
    if (rolled > clearedOn) return rolled;
  }
  throw new Error("unreachable: schedules repeat forever");
}

/**
 * Whether a run on `runDate` settles funds cleared on `clearedOn`: their settlement date has come.
 * Runs on non-business days settle nothing (the banks are closed); what fell due waits for the
 * next business day's run. On-demand funds are never due by schedule.
 */
export function isDue(schedule: SettlementSchedule, clearedOn: IsoDate, runDate: IsoDate, calendar: BusinessCalendar): boolean {
  if (!isBusinessDay(runDate, calendar)) return false;
  const due = settlementDate(schedule, clearedOn, calendar);
  return due !== null && due <= runDate;
}
