import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { calendarDate } from "@/components/invoices/display";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableEmptyRow, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { localDateOf } from "@/lib/domain/time/local-day";
import { requireStaff } from "@/lib/server/auth/viewer";
import { feeScheduleOverview } from "@/lib/server/fees/queries";

export const dynamic = "force-dynamic";

export default async function FeeSchedulesAdminPage() {
  await requireStaff(["platform_admin"]);
  const t = await getTranslations("fees.admin");
  const format = await getFormatter();
  const organizations = await feeScheduleOverview(localDateOf(new Date()));
  const date = (iso: string) => format.dateTime(calendarDate(iso), { dateStyle: "medium", timeZone: "UTC" });
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <Table caption={t("caption")}>
          <TableHead>
            <TableRow>
              <TableHeaderCell>{t("columns.organization")}</TableHeaderCell>
              <TableHeaderCell>{t("columns.current")}</TableHeaderCell>
              <TableHeaderCell>{t("columns.upcoming")}</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {organizations.length === 0 ? <TableEmptyRow colSpan={3}>{t("noOrganizations")}</TableEmptyRow> : null}
            {organizations.map((organization) => (
              <TableRow key={organization.id} data-testid={`fees-${organization.slug}`}>
                <TableCell>
                  <Link href={`/admin/fees/${organization.id}`} className="font-medium text-teal-800 hover:underline">
                    {organization.name}
                  </Link>
                  <span className="block text-xs text-slate-500">{organization.slug}</span>
                </TableCell>
                <TableCell>
                  {organization.own && organization.current ? (
                    t("versionSince", { version: organization.current.version, date: date(organization.current.effectiveFrom) })
                  ) : (
                    <Badge>{t("standard")}</Badge>
                  )}
                </TableCell>
                <TableCell>
                  {organization.upcoming ? (
                    <Badge tone="warning">{t("versionFrom", { version: organization.upcoming.version, date: date(organization.upcoming.effectiveFrom) })}</Badge>
                  ) : (
                    <span className="text-slate-500">{t("noUpcoming")}</span>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Card>
    </div>
  );
}
