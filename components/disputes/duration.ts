type Translate = (key: string, values?: Record<string, string | number>) => string;

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** A span such as "1 d 3 h", "5 h 20 min" or "12 min" (rounded down to the minute); `t` is the `disputes` translator. */
export function formatDuration(ms: number, t: Translate): string {
  const total = Math.max(0, Math.floor(ms / MINUTE_MS)) * MINUTE_MS;
  if (total >= DAY_MS) return t("duration.days", { days: Math.floor(total / DAY_MS), hours: Math.floor((total % DAY_MS) / HOUR_MS) });
  if (total >= HOUR_MS) return t("duration.hours", { hours: Math.floor(total / HOUR_MS), minutes: Math.floor((total % HOUR_MS) / MINUTE_MS) });
  return t("duration.minutes", { minutes: Math.floor(total / MINUTE_MS) });
}
