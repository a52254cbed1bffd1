import type { FeeSchedule } from "./schedule";

function byEffectiveFrom(schedules: readonly FeeSchedule[]): FeeSchedule[] {
  return [...schedules].sort((a, b) => (a.effectiveFrom === b.effectiveFrom ? a.version - b.version : a.effectiveFrom < b.effectiveFrom ? -1 : 1));
}

/**
 * The schedule that prices activity on `date` (China time): the latest to take effect on or
 * before it (the higher version when two share a date); null when none has started.
 */
export function scheduleInEffect(schedules: readonly FeeSchedule[], date: string): FeeSchedule | null {
  return byEffectiveFrom(schedules).findLast((schedule) => schedule.effectiveFrom <= date) ?? null;
}

/**
 * The next schedule to take effect after `date`, shown beside the current one; null when none is published.
 * Of two published for the same date, the higher version (the one that will price that date).
 */
export function upcomingSchedule(schedules: readonly FeeSchedule[], date: string): FeeSchedule | null {
  const later = byEffectiveFrom(schedules).filter((schedule) => schedule.effectiveFrom > date);
  const next = later[0];
  return next ? later.findLast((schedule) => schedule.effectiveFrom === next.effectiveFrom)! : null;
}
