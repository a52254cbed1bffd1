import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ReminderSettingsForm } from "@/components/reminders/reminder-settings-form";
import { ReminderSettingsSummary } from "@/components/reminders/reminder-settings-summary";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrgMember } from "@/lib/server/auth/viewer";
import { MONEY_ROLES } from "@/lib/server/guard/access";
import { organizationReminderSettings } from "@/lib/server/reminders/settings";

export const dynamic = "force-dynamic";

export default async function InvoiceSettingsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { organization, membership } = await requireOrgMember(org);
  const [t, settings] = await Promise.all([getTranslations("collections.reminders"), organizationReminderSettings(organization.id)]);
  const values = { enabled: settings.enabled, daysBefore: settings.daysBefore, onDueDate: settings.onDueDate, daysAfter: settings.daysAfter };
  const canEdit = MONEY_ROLES.includes(membership.role);

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={
          <Link href={`/o/${org}/invoices`} className="hover:underline">
            {t("back")}
          </Link>
        }
        title={t("title")}
        description={t("description")}
      />
      <Card>
        <CardHeader title={canEdit ? t("title") : t("summaryTitle")} description={settings.saved ? undefined : t("defaults")} />
        <CardBody className="flex flex-col gap-4">
          {canEdit ? <ReminderSettingsForm org={org} values={values} /> : <ReminderSettingsSummary values={values} />}
          {canEdit ? null : <Alert tone="info">{t("viewerNote")}</Alert>}
          <p className="text-xs text-slate-500">{t("overdueNote")}</p>
        </CardBody>
      </Card>
    </div>
  );
}
