import { getFormatter, getTranslations } from "next-intl/server";
import { TwoFactorRequired } from "@/components/account/two-factor-required";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { DisputesCard, FeeRevenueCard, VerificationCard, VolumesCard } from "@/components/dashboard/platform-sections";
import { localDateOf } from "@/lib/domain/time/local-day";
import { platformOverview } from "@/lib/server/admin/queries";
import { DECIDED_DISPUTE_DAYS, platformDashboard, VOLUME_DAYS } from "@/lib/server/dashboard/platform";
import { requireStaff } from "@/lib/server/auth/viewer";

export default async function AdminHome() {
  const { viewer, role } = await requireStaff();
  const t = await getTranslations("admin");
  const dashboardT = await getTranslations("dashboard.platform");
  const format = await getFormatter();
  const [overview, dashboard] = await Promise.all([platformOverview(), platformDashboard(localDateOf(new Date(), "Asia/Shanghai"))]);
  const figures = [
    { label: t("figures.organizations"), value: overview.organizations },
    { label: t("figures.users"), value: overview.users },
    { label: t("figures.twoFactor"), value: overview.usersWithTwoFactor },
    { label: t("figures.staff"), value: overview.staff },
  ];
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} description={dashboardT("description")} actions={<Badge tone="brand">{t(`roles.${role}`)}</Badge>} />
      {!viewer.user.totpEnabledAt ? (
        <TwoFactorRequired message={t("needs2fa")} linkLabel={t("enable2fa")} />
      ) : null}
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        {figures.map((figure) => (
          <div key={figure.label} className="rounded-lg border border-slate-200 bg-white p-4">
            <dt className="text-sm text-slate-600">{figure.label}</dt>
            <dd className="tabular mt-1 text-2xl font-semibold text-slate-900">{format.number(figure.value)}</dd>
          </div>
        ))}
      </dl>
      <div className="grid min-w-0 grid-cols-1 gap-6 xl:grid-cols-2">
        <VolumesCard volumes={dashboard.volumes} days={VOLUME_DAYS} />
        <VerificationCard kyb={dashboard.kyb} queue={dashboard.queue} />
        <DisputesCard disputes={dashboard.disputes} days={DECIDED_DISPUTE_DAYS} />
        <FeeRevenueCard fees={dashboard.fees} />
      </div>
      <Card>
        <CardHeader title={t("organizations.title")} />
        <Table caption={t("organizations.title")}>
          <TableHead>
            <TableRow>
              <TableHeaderCell>{t("organizations.name")}</TableHeaderCell>
              <TableHeaderCell numeric>{t("organizations.members")}</TableHeaderCell>
              <TableHeaderCell>{t("organizations.created")}</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {overview.recentOrganizations.map((organization) => (
              <TableRow key={organization.id}>
                <TableCell>{organization.name}</TableCell>
                <TableCell numeric>{organization.members}</TableCell>
                <TableCell>{format.dateTime(organization.createdAt, { dateStyle: "medium", timeZone: "Asia/Shanghai" })}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Card>
    </div>
  );
}
