import type { SettlementSchedule } from "./schedule";

/** What an organization's currency settles on until a member chooses otherwise: T+1. */
export const DEFAULT_SETTLEMENT_SCHEDULE: SettlementSchedule = { kind: "rolling", businessDays: 1 };

export const SETTLEMENT_SCHEDULE_KINDS = ["rolling", "weekly", "monthly", "quarterly", "on_demand"] as const;
export type SettlementScheduleKind = (typeof SETTLEMENT_SCHEDULE_KINDS)[number];

/** A schedule as stored in columns: only the field of its kind is set; month-end is its own flag. */
export interface ScheduleFields {
  kind: SettlementScheduleKind;
  businessDays: number | null;
  weekday: number | null;
  monthDay: number | null;
  monthEnd: boolean;
}

export function scheduleFields(schedule: SettlementSchedule): ScheduleFields {
  const none = { businessDays: null, weekday: null, monthDay: null, monthEnd: false };
  switch (schedule.kind) {
    case "rolling":
      return { ...none, kind: "rolling", businessDays: schedule.businessDays };
    case "weekly":
      return { ...none, kind: "weekly", weekday: schedule.weekday };
    case "monthly":
    case "quarterly":
      return schedule.day === "month_end" ? { ...none, kind: schedule.kind, monthEnd: true } : { ...none, kind: schedule.kind, monthDay: schedule.day };
    case "on_demand":
      return { ...none, kind: "on_demand" };
  }
}

/** The schedule the columns describe; throws when the field its kind needs is missing (the table's checks forbid it). */
export function scheduleFromFields(fields: ScheduleFields): SettlementSchedule {
  const need = (value: number | null, what: string) => {
    if (value === null) throw new RangeError(`A ${fields.kind} schedule needs its ${what}`);
    return value;
  };
  switch (fields.kind) {
    case "rolling":
      return { kind: "rolling", businessDays: need(fields.businessDays, "business days") };
    case "weekly":
      return { kind: "weekly", weekday: need(fields.weekday, "weekday") };
    case "monthly":
    case "quarterly":
      return { kind: fields.kind, day: fields.monthEnd ? "month_end" : need(fields.monthDay, "day of the month") };
    case "on_demand":
      return { kind: "on_demand" };
  }
}

/**
 * Where a currency's settlements are paid: in the currency itself when the verified settlement bank account takes
 * it, otherwise in CNY after conversion. `accepted` is the account's currencies (empty without an account).
 */
export function defaultPayoutCurrency(currency: string, accepted: readonly string[]): string {
  return accepted.includes(currency) ? currency : "CNY";
}

/** The payout currencies a member may choose for a currency: itself when the account takes it, and CNY. */
export function payoutCurrencyChoices(currency: string, accepted: readonly string[]): string[] {
  return currency === "CNY" || !accepted.includes(currency) ? ["CNY"] : [currency, "CNY"];
}
