import { addDays } from "../invoices/dates";
export type ReminderKind = "before" | "due" | "after";

/** An organization's reminder settings (reminder_settings; its column defaults are DEFAULT_REMINDER_SETTINGS). */
export interface ReminderSettings {
  enabled: boolean;
  daysBefore: readonly number[];
  onDueDate: boolean;
  daysAfter: readonly number[];
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = { enabled: true, daysBefore: [7], onDueDate: true, daysAfter: [3, 14] };

export interface ScheduledReminder {
  kind: ReminderKind;
  /** Days before (for `before`) or after (for `after`) the due date; 0 on it. */
  offsetDays: number;
  /** The calendar day it is sent on, `YYYY-MM-DD`. */
  date: string;
}

/** Every reminder the settings plan for one due date, earliest first. */
export function reminderSchedule(dueDate: string, settings: ReminderSettings): ScheduledReminder[] {
  if (!settings.enabled) return [];
  const planned: ScheduledReminder[] = [
    ...settings.daysBefore.map((days) => ({ kind: "before" as const, offsetDays: days, date: addDays(dueDate, -days) })),
    ...(settings.onDueDate ? [{ kind: "due" as const, offsetDays: 0, date: dueDate }] : []),
    ...settings.daysAfter.map((days) => ({ kind: "after" as const, offsetDays: days, date: addDays(dueDate, days) })),
  ];
  return planned.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * The reminder to send today for an unpaid instalment: the latest planned one whose day has come, so a day the job
 * did not run is caught up with one email rather than several. Planned days before the invoice was issued are
 * skipped (an invoice issued five days before it is due gets no "due in seven days" email).
 */
export function reminderToSend(dueDate: string, issueDate: string, today: string, settings: ReminderSettings): ScheduledReminder | null {
  const reached = reminderSchedule(dueDate, settings).filter((reminder) => reminder.date <= today);
  const latest = reached.at(-1);
  return latest && latest.date >= issueDate ? latest : null;
}

export const MAX_REMINDER_DAYS = 90;
export const MAX_REMINDERS_PER_SIDE = 5;

export type DayListError = "reminder_days_invalid" | "reminder_days_range" | "reminder_days_too_many";

/**
 * A list of whole days as typed ("3, 14" or "3 14" or "3，14"), sorted and without repeats; empty text is no days.
 */
export function parseDayList(text: string): { ok: true; days: number[] } | { ok: false; error: DayListError } {
  const parts = text.split(/[\s,，、;；]+/).filter((part) => part !== "");
  if (parts.some((part) => !/^\d{1,3}$/.test(part))) return { ok: false, error: "reminder_days_invalid" };
  const days = [...new Set(parts.map(Number))].sort((a, b) => a - b);
  if (days.some((day) => day < 1 || day > MAX_REMINDER_DAYS)) return { ok: false, error: "reminder_days_range" };
  if (days.length > MAX_REMINDERS_PER_SIDE) return { ok: false, error: "reminder_days_too_many" };
  return { ok: true, days };
}
