/** A published version of a fee schedule, or just its dates. */
interface Dated {
  version: number;
  effectiveFrom: string;
}

function byEffectiveFrom<T extends Dated>(schedules: readonly T[]): T[] {
  return [...schedules].sort((a, b) => (a.effectiveFrom === b.effectiveFrom ? a.version - b.version : a.effectiveFrom < b.effectiveFrom ? -1 : 1));
}

/**
 * The schedule that prices activity on `date` (China time): the latest to take effect on or
 * before it (the higher version when two share a date); null when none has started.
 */
export function scheduleInEffect<T extends Dated>(schedules: readonly T[], date: string): T | null {
  return byEffectiveFrom(schedules).findLast((schedule) => schedule.effectiveFrom <= date) ?? null;
}

/**
 * The next schedule to take effect after `date`, shown beside the current one; null when none is published.
 * Of two published for the same date, the higher version (the one that will price that date).
 */
export function upcomingSchedule<T extends Dated>(schedules: readonly T[], date: string): T | null {
  const later = byEffectiveFrom(schedules).filter((schedule) => schedule.effectiveFrom > date);
  const next = later[0];
  return next ? later.findLast((schedule) => schedule.effectiveFrom === next.effectiveFrom)! : null;
}

/** Of an organization's versions (at least one, oldest first), the one pricing `date` (else the first) and the next. */
export function currentAndUpcoming<T extends Dated>(versions: readonly T[], date: string): { current: T; upcoming: T | null } {
  return { current: scheduleInEffect(versions, date) ?? versions[0]!, upcoming: upcomingSchedule(versions, date) };
}
