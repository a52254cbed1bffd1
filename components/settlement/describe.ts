import type { SettlementSchedule } from "@/lib/domain/settlement/schedule";

type Translate = (key: string, values?: Record<string, string | number>) => string;
type ErrorsTranslate = Translate & { has: (key: string) => boolean };

/** "T+1: 1 business day after it clears", "Every Friday"…; `t` is the `settlement` translator. */
export function describeSchedule(t: Translate, schedule: SettlementSchedule): string {
  switch (schedule.kind) {
    case "rolling":
      return t("describe.rolling", { days: schedule.businessDays });
    case "weekly":
      return t("describe.weekly", { weekday: t(`weekdays.${schedule.weekday}`) });
    case "monthly":
    case "quarterly":
      return schedule.day === "month_end" ? t(`describe.${schedule.kind}End`) : t(`describe.${schedule.kind}`, { day: schedule.day });
    case "on_demand":
      return t("describe.on_demand");
  }
}

/** A calendar date (`YYYY-MM-DD`) as a Date at its UTC midnight, for formatting with `timeZone: "UTC"`. */
export function isoDateValue(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** Weekday and date, e.g. "Mon, 30 Nov 2026": settlement dates are read for the day of the week they fall on. */
export const SETTLEMENT_DATE_FORMAT = { weekday: "short", year: "numeric", month: "short", day: "numeric", timeZone: "UTC" } as const;

/** Why a batch is held, from the `errors` catalog; the stored code itself when the catalog has no message for it. */
export function holdReason(errors: ErrorsTranslate, batch: { holdCode: string | null; holdParams: Record<string, string | number> | null }): string {
  const code = batch.holdCode ?? "";
  return errors.has(code) ? errors(code, batch.holdParams ?? {}) : code;
}
