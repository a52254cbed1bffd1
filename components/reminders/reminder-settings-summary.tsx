import { getTranslations } from "next-intl/server";
import type { ReminderSettingsValues } from "./reminder-settings-form";

/** The settings as read-only text, for members who may not change them. */
export async function ReminderSettingsSummary({ values }: { values: ReminderSettingsValues }) {
  const t = await getTranslations("collections.reminders");
  if (!values.enabled) return <p className="text-sm text-slate-700">{t("off")}</p>;
  const days = (list: readonly number[]) => (list.length === 0 ? t("none") : t("dayList", { days: list.join(", ") }));
  return (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[14rem_1fr]">
      <dt className="text-slate-500">{t("daysBefore")}</dt>
      <dd className="text-slate-900">{days(values.daysBefore)}</dd>
      <dt className="text-slate-500">{t("onDueDate")}</dt>
      <dd className="text-slate-900">{values.onDueDate ? t("yes") : t("no")}</dd>
      <dt className="text-slate-500">{t("daysAfter")}</dt>
      <dd className="text-slate-900">{days(values.daysAfter)}</dd>
    </dl>
  );
}
