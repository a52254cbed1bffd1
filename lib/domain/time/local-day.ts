import { zonedDateTime } from "./zoned-time";

/** Factories keep China time unless their organization says otherwise. */
export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

const DAY_MS = 86_400_000;

/** How far the zone's wall clock is ahead of UTC at this instant. */
function offsetMs(instant: Date, timeZone: string): number {
  const local = zonedDateTime(instant, timeZone);
  return Date.UTC(local.year, local.month - 1, local.day) + local.msOfDay - instant.getTime();
}

/** The instant a calendar date (`YYYY-MM-DD`) begins in a time zone. */
function parseDate(isoDate: string): number {
  const [year, month, day] = isoDate.split("-").map(Number);
  if (!year || !month || !day) throw new RangeError(`Not a date: ${isoDate}`);
  return Date.UTC(year, month - 1, day);
}

export function startOfLocalDate(isoDate: string, timeZone = DEFAULT_TIME_ZONE): Date {
  const midnightAsUtc = parseDate(isoDate);
  // Measured twice, so that a day on which the zone changes its offset still starts at its own midnight.
  const guess = midnightAsUtc - offsetMs(new Date(midnightAsUtc), timeZone);
  return new Date(midnightAsUtc - offsetMs(new Date(guess), timeZone));
}

/** The instant the calendar date after `isoDate` begins: the exclusive end of that date. */
export function endOfLocalDate(isoDate: string, timeZone = DEFAULT_TIME_ZONE): Date {
  return startOfLocalDate(new Date(parseDate(isoDate) + DAY_MS).toISOString().slice(0, 10), timeZone);
}

/** The instant the local day containing `instant` began. */
export function startOfLocalDay(instant: Date, timeZone = DEFAULT_TIME_ZONE): Date {
  return startOfLocalDate(localDateOf(instant, timeZone), timeZone);
}

/** The calendar date (`YYYY-MM-DD`) an instant falls on in a time zone. */
export function localDateOf(instant: Date, timeZone = DEFAULT_TIME_ZONE): string {
  const local = zonedDateTime(instant, timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${local.year}-${pad(local.month)}-${pad(local.day)}`;
}
