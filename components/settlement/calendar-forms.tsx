"use client";

import { useTranslations } from "next-intl";
import { addHoliday, addMakeUpDay, removeHoliday, removeMakeUpDay, restoreCalendarYear, setCalendarYear } from "@/app/actions/settlement";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { FormField } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

/** A public holiday: its names and first and last days (dates as YYYY-MM-DD). */
export function AddHolidayForm() {
  const t = useTranslations("settlement.calendar");
  return (
    <ActionForm action={addHoliday} successMessage={t("added")} resetOnSuccess className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5 lg:items-end">
      <FormField name="name" label={t("name")} required>
        <Input autoComplete="off" maxLength={60} />
      </FormField>
      <FormField name="nameEn" label={t("nameEn")} required>
        <Input autoComplete="off" maxLength={60} />
      </FormField>
      <FormField name="from" label={t("from")} required>
        <Input type="date" />
      </FormField>
      <FormField name="to" label={t("to")} required>
        <Input type="date" />
      </FormField>
      <div>
        <SubmitButton pendingText={t("adding")}>{t("add")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

/** A Saturday or Sunday declared a working day, and the holiday it makes up for. */
export function AddMakeUpDayForm() {
  const t = useTranslations("settlement.calendar");
  return (
    <ActionForm action={addMakeUpDay} successMessage={t("added")} resetOnSuccess className="grid gap-4 sm:grid-cols-3 sm:items-end">
      <FormField name="date" label={t("date")} required>
        <Input type="date" />
      </FormField>
      <FormField name="for" label={t("for")} required>
        <Input autoComplete="off" maxLength={60} />
      </FormField>
      <div>
        <SubmitButton pendingText={t("adding")}>{t("add")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

/** Removes one holiday (by its year and first day) or one make-up working day. */
export function RemoveCalendarEntry({ entry, label }: { entry: { kind: "holiday"; year: number; from: string } | { kind: "makeUpDay"; date: string }; label: string }) {
  const t = useTranslations("settlement.calendar");
  const hidden = entry.kind === "holiday" ? { year: entry.year, from: entry.from } : { date: entry.date };
  return (
    <ActionForm action={entry.kind === "holiday" ? removeHoliday : removeMakeUpDay} hidden={hidden} className="inline-flex">
      <SubmitButton variant="ghost" size="sm" pendingText={t("removing")} aria-label={label}>
        {t("remove")}
      </SubmitButton>
    </ActionForm>
  );
}

/** Whether the year's data is the State Council's notice (official) or still provisional, and where it comes from. */
export function YearStatusForm({ year, status, source }: { year: number; status: "official" | "provisional"; source: string }) {
  const t = useTranslations("settlement.calendar");
  return (
    <ActionForm action={setCalendarYear} hidden={{ year }} successMessage={t("saved")} className="grid gap-4 sm:grid-cols-[12rem_1fr_auto] sm:items-end">
      <FormField name="status" label={t("status")} id={`calendar-${year}-status`} required>
        <Select
          defaultValue={status}
          options={[
            { value: "official", label: t("official") },
            { value: "provisional", label: t("provisional") },
          ]}
        />
      </FormField>
      <FormField name="source" label={t("source")} id={`calendar-${year}-source`} required>
        <Input defaultValue={source} maxLength={300} autoComplete="off" />
      </FormField>
      <div>
        <SubmitButton variant="secondary" pendingText={t("saving")}>
          {t("save")}
        </SubmitButton>
      </div>
    </ActionForm>
  );
}

/** Drops the edits of a year: the shipped data applies again (a year that never shipped is removed). */
export function RestoreYearForm({ year, shipped }: { year: number; shipped: boolean }) {
  const t = useTranslations("settlement.calendar");
  return (
    <ActionForm action={restoreCalendarYear} hidden={{ year }} successMessage={t("restored")}>
      <div>
        <SubmitButton variant="secondary" size="sm" pendingText={t("restoring")}>
          {shipped ? t("restore") : t("removeYear")}
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
