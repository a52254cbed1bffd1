import { getFormatter, getTranslations } from "next-intl/server";
import { FeeTable } from "@/components/fees/fee-table";
import { WorkedExamples } from "@/components/fees/worked-examples";
import { calendarDate } from "@/components/invoices/display";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { compareSchedules, FEE_RAISE_NOTICE_DAYS } from "@/lib/domain/fees";
import { localDateOf } from "@/lib/domain/time/local-day";
import { requireOrgMember } from "@/lib/server/auth/viewer";
import { currentAndUpcomingFeeSchedules } from "@/lib/server/fees/schedules";

export const dynamic = "force-dynamic";

export default async function FeesPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { organization } = await requireOrgMember(org);
  const t = await getTranslations("fees");
  const format = await getFormatter();
  const { current, upcoming } = await currentAndUpcomingFeeSchedules(organization.id, localDateOf(new Date()));
  const raises = upcoming ? compareSchedules(current, upcoming).raises : false;
  const date = (iso: string) => format.dateTime(calendarDate(iso), { dateStyle: "long", timeZone: "UTC" });
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} description={t("description", { organization: organization.name })} />
      {/* The layout's banner announces an upcoming version; without one, say that none is announced. */}
      {upcoming ? null : <Alert tone="info">{t("upcoming.none", { days: FEE_RAISE_NOTICE_DAYS })}</Alert>}
      <Card>
        <CardHeader
          title={upcoming ? t("schedule.titleSideBySide", { date: date(upcoming.effectiveFrom) }) : t("schedule.title")}
          description={upcoming ? (raises ? t("upcoming.raises", { days: FEE_RAISE_NOTICE_DAYS }) : t("upcoming.lowers")) : t("schedule.description")}
        />
        <FeeTable current={current} upcoming={upcoming} />
      </Card>
      <Card>
        <CardHeader title={t("examples.title")} description={t("examples.description")} />
        <CardBody className="px-0 py-0">
          <WorkedExamples current={current} upcoming={upcoming} />
        </CardBody>
      </Card>
    </div>
  );
}
