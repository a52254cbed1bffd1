import { zonedDateTime } from "../time/zoned-time";

export const KYB_REVIEW_TARGET_BUSINESS_DAYS = 2;

const MS_PER_DAY = 86_400_000;

/**
 * Where an instant stands on a line made of weekdays only: the number of weekdays (in the
 * time zone) before its local date, and how far into that weekday it is. An instant on a
 * Saturday or Sunday stands at the start of the following Monday.
 */
function weekdayPosition(instant: Date, timeZone: string): { weekdaysBefore: number; msOfDay: number } {
  const { year, month, day, msOfDay } = zonedDateTime(instant, timeZone);
  // 1970-01-01 was a Thursday, so counting from three days earlier starts on a Monday.
  const daysSinceMonday = Date.UTC(year, month - 1, day) / MS_PER_DAY + 3;
  const dayOfWeek = ((daysSinceMonday % 7) + 7) % 7; // 0 = Monday … 6 = Sunday
  const isWeekday = dayOfWeek < 5;
  return {
    weekdaysBefore: Math.floor(daysSinceMonday / 7) * 5 + Math.min(dayOfWeek, 5),
    msOfDay: isWeekday ? msOfDay : 0,
  };
}

/**
 * Whole business days between two instants: the time between them that falls on local
 * Mondays to Fridays, in whole days by the wall clock, with weekends not counted.
 * For two weekday instants that is the number of weekdays strictly after `from`'s local
 * date up to and including `to`'s, less one if `to` is earlier in its day than `from` was
 * (Friday 10:00 → Monday 10:00 is 1, → Monday 09:59 is 0). An instant on a weekend counts
 * as the following Monday 00:00. Never negative: 0 when `to` is not after `from`.
 */
export function businessDaysElapsed(from: Date, to: Date, timeZone = "Asia/Shanghai"): number {
  const start = weekdayPosition(from, timeZone);
  const end = weekdayPosition(to, timeZone);
  const days = end.weekdaysBefore - start.weekdaysBefore - (end.msOfDay < start.msOfDay ? 1 : 0);
  // Also covers a wall clock set back at a daylight-saving change within one day.
  return Math.max(0, days);
}

/** Overdue once the whole review target has elapsed without a decision. */
export function reviewAge(submittedAt: Date, now: Date): { businessDays: number; overdue: boolean } {
  const businessDays = businessDaysElapsed(submittedAt, now);
  return { businessDays, overdue: businessDays >= KYB_REVIEW_TARGET_BUSINESS_DAYS };
}
