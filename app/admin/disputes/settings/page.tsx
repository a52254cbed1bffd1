import { getFormatter, getTranslations } from "next-intl/server";
import { AdminDisputeSections } from "@/components/disputes/admin-sections";
import { STAFF_TIME_ZONE } from "@/components/disputes/format";
import { DisputeSettingsForm } from "@/components/disputes/settings-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { DEFAULT_SERVICE_LEVELS } from "@/lib/domain/disputes";
import { toDecimalString } from "@/lib/domain/money";
import { requireStaff } from "@/lib/server/auth/viewer";
import { DISPUTE_ADMIN } from "@/lib/server/disputes/access";
import { currentDisputeSettings } from "@/lib/server/disputes/settings";

export const dynamic = "force-dynamic";

export default async function DisputeSettingsPage() {
  const { role } = await requireStaff(DISPUTE_ADMIN);
  const [t, format, settings] = await Promise.all([getTranslations("disputes.admin.settings"), getFormatter(), currentDisputeSettings()]);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} description={t("description")} />
      <AdminDisputeSections current="settings" role={role} />
      <Card>
        <CardHeader
          title={t("escalationTitle")}
          description={settings.updatedAt ? t("updated", { date: format.dateTime(settings.updatedAt, { dateStyle: "medium", timeStyle: "short", timeZone: STAFF_TIME_ZONE }) }) : t("defaults")}
        />
        <CardBody>
          <DisputeSettingsForm
            amountThreshold={toDecimalString(settings.amountThresholdCnyMinor, "CNY")}
            repeatedBuyerCases={settings.repeatedBuyerCases}
            repeatedBuyerDays={settings.repeatedBuyerDays}
          />
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={t("serviceLevelsTitle")} description={t("serviceLevelsDescription")} />
        <CardBody>
          <ul className="flex list-disc flex-col gap-1 pl-5 text-sm text-slate-800">
            <li>{t("levelL1", { hours: DEFAULT_SERVICE_LEVELS.L1.resolutionHours })}</li>
            <li>{t("levelL2", { hours: DEFAULT_SERVICE_LEVELS.L2.proposalHours })}</li>
            <li>{t("levelL3")}</li>
          </ul>
        </CardBody>
      </Card>
    </div>
  );
}
