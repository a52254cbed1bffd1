export interface ZonedDateTime {
  year: number;
  month: number;
  day: number;
  /** Milliseconds since local midnight on the wall clock. */
  msOfDay: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The local calendar date and wall-clock time of an instant in an IANA time zone. */
export function zonedDateTime(instant: Date, timeZone: string): ZonedDateTime {
  const parts: Record<string, number> = {};
  for (const { type, value } of formatterFor(timeZone).formatToParts(instant)) {
    parts[type] = Number(value);
  }
  const millis = ((instant.getTime() % 1000) + 1000) % 1000;
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    msOfDay: ((parts.hour! * 60 + parts.minute!) * 60 + parts.second!) * 1000 + millis,
  };
}
