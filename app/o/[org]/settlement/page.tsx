import { getFormatter, getTranslations } from "next-intl/server";
import { BatchTable } from "@/components/settlement/batch-table";
import { holdReason, isoDateValue, SETTLEMENT_DATE_FORMAT } from "@/components/settlement/describe";
import { ScheduleForm } from "@/components/settlement/schedule-form";
import { ScheduleTable } from "@/components/settlement/schedule-table";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { buildCalendar, settlementPreview } from "@/lib/domain/settlement";
import { localDateOf } from "@/lib/domain/time/local-day";
import { requireOrgMember } from "@/lib/server/auth/viewer";
import { now } from "@/lib/server/clock";
import { MONEY_ROLES } from "@/lib/server/guard/access";
import { calendarYears } from "@/lib/server/settlement/calendar";
import { SETTLEMENT_TIME_ZONE } from "@/lib/server/settlement/ledger-reads";
import { listBatches } from "@/lib/server/settlement/queries";
import { organizationSchedules } from "@/lib/server/settlement/schedules";

export const dynamic = "force-dynamic";

export default async function SettlementPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { organization, membership } = await requireOrgMember(org);
  const [schedules, batches, years, at] = await Promise.all([organizationSchedules(organization.id), listBatches(organization.id), calendarYears(), now()]);
  const t = await getTranslations("settlement");
  const errors = await getTranslations("errors");
  const format = await getFormatter();
  const today = localDateOf(at, SETTLEMENT_TIME_ZONE);
  const calendar = buildCalendar(years);
  const canEdit = MONEY_ROLES.includes(membership.role);
  const calendarData = years.map(({ year, status, source, holidays, makeUpWorkdays }) => ({ year, status, source, holidays, makeUpWorkdays }));
  const held = batches.filter((batch) => batch.status === "held");

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} description={t("description")} />
      {held.map((batch) => (
        <Alert key={batch.id} tone="warning" data-testid="held-batch">
          {t("batches.heldAlert", {
            currency: batch.currency,
            date: format.dateTime(isoDateValue(batch.runDate), SETTLEMENT_DATE_FORMAT),
            reason: holdReason(errors, batch),
          })}
        </Alert>
      ))}

      <Card>
        <CardHeader title={t("schedules.title")} description={t("schedules.description")} />
        <ScheduleTable rows={schedules.map((schedule) => ({ ...schedule, next: settlementPreview(schedule.schedule, today, calendar, 3) }))} />
        <CardBody className="flex flex-col gap-3">
          {!canEdit ? (
            <Alert tone="info">{t("schedules.viewerNote")}</Alert>
          ) : (
            schedules.map((schedule) => (
              <details key={schedule.currency} className="rounded-md border border-slate-200 p-4" data-testid={`edit-schedule-${schedule.currency}`}>
                <summary className="cursor-pointer text-sm font-medium text-teal-800">{t("schedules.edit", { currency: schedule.currency })}</summary>
                <div className="mt-4">
                  <ScheduleForm
                    org={org}
                    currency={schedule.currency}
                    schedule={schedule.schedule}
                    payoutCurrency={schedule.payoutCurrency}
                    payoutChoices={schedule.payoutChoices}
                    calendarYears={calendarData}
                    today={today}
                  />
                </div>
              </details>
            ))
          )}
        </CardBody>
      </Card>

      <Card>
        <CardHeader title={t("batches.title")} description={t("batches.description")} />
        <BatchTable org={org} batches={batches} />
      </Card>
    </div>
  );
}
