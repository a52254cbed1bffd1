"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { updateSettlementSchedule } from "@/app/actions/settlement";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";
import { FormField } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { buildCalendar, type HolidayYear } from "@/lib/domain/settlement/calendar";
import { settlementPreview } from "@/lib/domain/settlement/due";
import { type SettlementSchedule, settlementScheduleProblem } from "@/lib/domain/settlement/schedule";
import { SETTLEMENT_SCHEDULE_KINDS, type SettlementScheduleKind } from "@/lib/domain/settlement/settings";
import { isoDateValue, SETTLEMENT_DATE_FORMAT } from "./describe";

interface Draft {
  kind: SettlementScheduleKind;
  businessDays: string;
  weekday: string;
  monthDay: string;
}

function draftOf(schedule: SettlementSchedule): Draft {
  const draft: Draft = { kind: schedule.kind, businessDays: "1", weekday: "5", monthDay: "month_end" };
  if (schedule.kind === "rolling") draft.businessDays = String(schedule.businessDays);
  if (schedule.kind === "weekly") draft.weekday = String(schedule.weekday);
  if (schedule.kind === "monthly" || schedule.kind === "quarterly") draft.monthDay = String(schedule.day);
  return draft;
}

/** The schedule the fields describe, or null while they describe none (an empty or out-of-range number). */
function scheduleOf(draft: Draft): SettlementSchedule | null {
  const whole = (text: string) => (/^\d{1,2}$/.test(text.trim()) ? Number(text) : Number.NaN);
  let schedule: SettlementSchedule;
  switch (draft.kind) {
    case "rolling":
      schedule = { kind: "rolling", businessDays: whole(draft.businessDays) };
      break;
    case "weekly":
      schedule = { kind: "weekly", weekday: whole(draft.weekday) };
      break;
    case "monthly":
    case "quarterly":
      schedule = { kind: draft.kind, day: draft.monthDay === "month_end" ? "month_end" : whole(draft.monthDay) };
      break;
    case "on_demand":
      schedule = { kind: "on_demand" };
  }
  return settlementScheduleProblem(schedule) ? null : schedule;
}

export interface ScheduleFormProps {
  org: string;
  currency: string;
  schedule: SettlementSchedule;
  payoutCurrency: string;
  payoutChoices: string[];
  /** The business-day calendar in use, for the preview. */
  calendarYears: HolidayYear[];
  /** Today in China, `YYYY-MM-DD`. */
  today: string;
}

/** Edits one currency's schedule, showing as it changes when money clearing from today would be paid out. */
export function ScheduleForm({ org, currency, schedule, payoutCurrency, payoutChoices, calendarYears, today }: ScheduleFormProps) {
  const t = useTranslations("settlement");
  const format = useFormatter();
  const [draft, setDraft] = useState<Draft>(() => draftOf(schedule));
  const calendar = useMemo(() => buildCalendar(calendarYears), [calendarYears]);
  const current = scheduleOf(draft);
  const preview = current ? settlementPreview(current, today, calendar, 5) : [];
  const date = (iso: string) => format.dateTime(isoDateValue(iso), SETTLEMENT_DATE_FORMAT);
  const set = (field: keyof Draft) => (event: { target: { value: string } }) => setDraft((before) => ({ ...before, [field]: event.target.value }));
  const idPrefix = `schedule-${currency}`;

  return (
    <ActionForm action={updateSettlementSchedule} hidden={{ org, currency }} successMessage={t("form.saved")} className="grid gap-4 lg:grid-cols-2">
      <div className="flex flex-col gap-4">
        <FormField name="kind" label={t("form.kind")} id={`${idPrefix}-kind`} required>
          <Select value={draft.kind} onChange={set("kind")} options={SETTLEMENT_SCHEDULE_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))} />
        </FormField>
        {draft.kind === "rolling" ? (
          <FormField name="businessDays" label={t("form.businessDays")} hint={t("form.businessDaysHint")} id={`${idPrefix}-days`} required>
            <Input inputMode="numeric" value={draft.businessDays} onChange={set("businessDays")} autoComplete="off" className="w-24" />
          </FormField>
        ) : null}
        {draft.kind === "weekly" ? (
          <FormField name="weekday" label={t("form.weekday")} id={`${idPrefix}-weekday`} required>
            <Select value={draft.weekday} onChange={set("weekday")} options={[1, 2, 3, 4, 5].map((day) => ({ value: String(day), label: t(`weekdays.${day}`) }))} />
          </FormField>
        ) : null}
        {draft.kind === "monthly" || draft.kind === "quarterly" ? (
          <FormField name="monthDay" label={t("form.monthDay")} hint={t("form.monthDayHint")} id={`${idPrefix}-day`} required>
            <Select
              value={draft.monthDay}
              onChange={set("monthDay")}
              options={[
                { value: "month_end", label: t("form.monthEnd") },
                ...Array.from({ length: 31 }, (_, i) => ({ value: String(i + 1), label: t("form.dayOption", { day: i + 1 }) })),
              ]}
            />
          </FormField>
        ) : null}
        <FormField name="payoutCurrency" label={t("form.payoutCurrency")} hint={t("form.payoutCurrencyHint", { currency })} id={`${idPrefix}-payout`} required>
          <Select defaultValue={payoutCurrency} options={payoutChoices.map((choice) => ({ value: choice, label: choice }))} />
        </FormField>
        <div>
          <SubmitButton pendingText={t("form.submitting")}>{t("form.submit")}</SubmitButton>
        </div>
      </div>
      <div className="flex flex-col gap-2" aria-live="polite">
        <h3 className="text-sm font-medium text-slate-800">{t("form.previewTitle")}</h3>
        {draft.kind === "on_demand" ? (
          <Alert tone="info">{t("form.onDemandNote")}</Alert>
        ) : preview.length > 0 ? (
          <Table caption={t("form.previewCaption")}>
            <TableHead>
              <TableRow>
                <TableHeaderCell>{t("form.settlesOn")}</TableHeaderCell>
                <TableHeaderCell>{t("form.cleared")}</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {preview.map((row) => (
                <TableRow key={row.settlesOn}>
                  <TableCell className="tabular text-sm font-medium">{date(row.settlesOn)}</TableCell>
                  <TableCell className="tabular text-sm">{row.clearedFrom === row.clearedTo ? date(row.clearedFrom) : t("form.range", { from: date(row.clearedFrom), to: date(row.clearedTo) })}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : null}
      </div>
    </ActionForm>
  );
}
