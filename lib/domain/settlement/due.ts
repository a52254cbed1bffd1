import { type BusinessCalendar, isBusinessDay } from "./calendar";
import { addDays, type IsoDate } from "./calendar-date";
import { type SettlementSchedule, settlementDate } from "./schedule";

// Further back than any schedule waits (a quarter plus its roll past holidays, or T+30 across Spring Festival).
const MAX_WAIT_DAYS = 200;

/**
 * The first clearing date whose money is not yet due on `runDate`: everything cleared before it is due, everything
 * cleared on or after it waits. One date splits them because settlement dates never go backwards as clearing dates
 * go forwards. Null when nothing is due by schedule: on-demand schedules, and runs on a non-business day (the banks
 * are closed; what fell due waits for the next business day's run).
 */
export function firstClearingDateNotDue(schedule: SettlementSchedule, runDate: IsoDate, calendar: BusinessCalendar): IsoDate | null {
  if (schedule.kind === "on_demand" || !isBusinessDay(runDate, calendar)) return null;
  // Money cleared after the run date always waits (its settlement date is on or after its clearing date).
  let cutoff = addDays(runDate, 1);
  for (let i = 0; i < MAX_WAIT_DAYS; i++) {
    const earlier = addDays(cutoff, -1);
    if (settlementDate(schedule, earlier, calendar)! <= runDate) return cutoff;
    cutoff = earlier;
  }
  throw new RangeError(`No clearing date within ${MAX_WAIT_DAYS} days is due on ${runDate}`);
}

/**
 * The lead's rule for what a run settles: the available balance less the credits to it that are not yet due, never
 * below zero (money already taken by payouts or conversions in between is not settled twice).
 */
export function dueAmount(availableMinor: bigint, notYetDueMinor: bigint): bigint {
  const due = availableMinor - notYetDueMinor;
  return due > 0n ? due : 0n;
}

/** A settlement date and the clearing dates whose money it pays out, for previewing a schedule. */
export interface SettlementPreviewRow {
  settlesOn: IsoDate;
  clearedFrom: IsoDate;
  clearedTo: IsoDate;
}

/**
 * The next `count` settlement dates for money cleared from `from` on, each with the clearing dates it covers
 * (e.g. T+1: Monday pays Friday to Sunday). Empty for on-demand schedules.
 */
export function settlementPreview(schedule: SettlementSchedule, from: IsoDate, calendar: BusinessCalendar, count: number): SettlementPreviewRow[] {
  if (schedule.kind === "on_demand" || count <= 0) return [];
  const rows: SettlementPreviewRow[] = [];
  let current: SettlementPreviewRow | null = null;
  for (let clearedOn = from, i = 0; i < count * 100; clearedOn = addDays(clearedOn, 1), i++) {
    const settlesOn = settlementDate(schedule, clearedOn, calendar)!;
    if (current && current.settlesOn === settlesOn) {
      current.clearedTo = clearedOn;
      continue;
    }
    if (current) rows.push(current);
    if (rows.length === count) return rows;
    current = { settlesOn, clearedFrom: clearedOn, clearedTo: clearedOn };
  }
  return rows;
}
