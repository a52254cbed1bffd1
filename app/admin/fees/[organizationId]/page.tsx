import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StepUpPrompt } from "@/components/account/step-up-form";
import { FeeTable } from "@/components/fees/fee-table";
import { ScheduleForm } from "@/components/fees/schedule-form";
import { VersionHistory, type VersionRow } from "@/components/fees/version-history";
import { calendarDate } from "@/components/invoices/display";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { currentAndUpcoming, earliestEffectiveDate } from "@/lib/domain/fees";
import { feeScheduleToForm } from "@/lib/domain/fees/form";
import { versionStatus } from "@/lib/domain/fees/history";
import { localDateOf } from "@/lib/domain/time/local-day";
import { hasFreshSecondFactor } from "@/lib/server/auth/session";
import { requireStaff } from "@/lib/server/auth/viewer";
import { feeScheduleHistory, feeScheduleOrganization } from "@/lib/server/fees/queries";
import { feeScheduleVersions } from "@/lib/server/fees/schedules";

export const dynamic = "force-dynamic";

export default async function OrganizationFeesAdminPage({ params }: { params: Promise<{ organizationId: string }> }) {
  const { viewer } = await requireStaff(["platform_admin"]);
  const { organizationId } = await params;
  const organization = await feeScheduleOrganization(organizationId);
  if (!organization) notFound();
  const t = await getTranslations("fees.admin");
  const format = await getFormatter();
  const today = localDateOf(new Date());
  const [history, versions] = await Promise.all([feeScheduleHistory(organization.id), feeScheduleVersions(organization.id)]);
  const { current, upcoming } = currentAndUpcoming(versions, today);
  const latest = versions.at(-1)!;
  const earliestRaise = earliestEffectiveDate(today, true);
  const date = (iso: string) => format.dateTime(calendarDate(iso), { dateStyle: "medium", timeZone: "UTC" });
  const statuses = versionStatus(history, today);
  const rows: VersionRow[] = history.map((row) => ({ ...row, status: statuses.get(row.version)! }));
  const fresh = Boolean(viewer.user.totpEnabledAt) && hasFreshSecondFactor(viewer.session);
  // A rise needs the notice period, and no version may take effect before the latest one.
  const suggested = [earliestRaise, latest.effectiveFrom].sort().at(-1)!;

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={
          <Link href="/admin/fees" className="text-teal-800 hover:underline">
            {t("back")}
          </Link>
        }
        title={t("organizationTitle", { name: organization.name })}
        description={t("organizationDescription")}
      />
      <Card>
        <CardHeader title={t("historyTitle")} description={t("historyDescription")} />
        <VersionHistory rows={rows} empty={t("noHistory", { name: organization.name })} />
      </Card>
      <Card>
        <CardHeader title={t("scheduleTitle")} />
        <FeeTable current={current} upcoming={upcoming} />
      </Card>
      <Card>
        <CardHeader
          title={t("publishTitle", { version: latest.version + 1 })}
          description={t("publishDescription", { version: latest.version })}
        />
        <CardBody className="flex flex-col gap-6">
          {!fresh ? <StepUpPrompt title={t("stepUpTitle")} description={t("stepUpDescription")} /> : null}
          <ScheduleForm
            organizationId={organization.id}
            basedOnVersion={latest.version}
            values={feeScheduleToForm(latest, suggested)}
            effectiveHint={t("effectiveHint", { raise: date(earliestRaise), today: date(today), latest: date(latest.effectiveFrom) })}
          />
        </CardBody>
      </Card>
    </div>
  );
}
