import { zonedDateTime } from "./zoned-time";

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** Local date and time of an instant, as `YYYY-MM-DD` and `HH:MM:SS`. */
export function localDateTime(instant: Date, timeZone: string): { date: string; time: string } {
  const local = zonedDateTime(instant, timeZone);
  const seconds = Math.floor(local.msOfDay / 1000);
  return {
    date: `${local.year}-${pad(local.month)}-${pad(local.day)}`,
    time: `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`,
  };
}
