import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { ScrollTable } from "@/components/exposure/scroll-table";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { TableBody, TableCell, TableEmptyRow, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { formatMoney } from "@/lib/domain/money";
import type { PlatformDashboard } from "@/lib/server/dashboard/platform";

const rowHeader = "text-sm font-medium tracking-normal whitespace-normal text-slate-900 normal-case";

/** Collected and paid out per currency over the last 30 days. */
export async function VolumesCard({ volumes, days }: { volumes: PlatformDashboard["volumes"]; days: number }) {
  const t = await getTranslations("dashboard.platform");
  const format = await getFormatter();
  const locale = (await getLocale()) as "en" | "zh-CN";
  return (
    <Card>
      <CardHeader title={t("volumes.title")} description={t("period", { days })} />
      <ScrollTable caption={t("volumes.caption")} data-testid="platform-volumes">
        <TableHead>
          <TableRow>
            <TableHeaderCell>{t("volumes.currency")}</TableHeaderCell>
            <TableHeaderCell numeric>{t("volumes.collected")}</TableHeaderCell>
            <TableHeaderCell numeric>{t("volumes.payments")}</TableHeaderCell>
            <TableHeaderCell numeric>{t("volumes.paidOut")}</TableHeaderCell>
            <TableHeaderCell numeric>{t("volumes.payouts")}</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {volumes.length === 0 ? <TableEmptyRow colSpan={5}>{t("volumes.empty")}</TableEmptyRow> : null}
          {volumes.map((row) => (
            <TableRow key={row.currency}>
              <TableHeaderCell scope="row" className={rowHeader}>
                {row.currency}
              </TableHeaderCell>
              <TableCell numeric>{formatMoney(row.collectedMinor, row.currency, locale, { display: "code" })}</TableCell>
              <TableCell numeric>{format.number(row.payments)}</TableCell>
              <TableCell numeric>{formatMoney(row.paidOutMinor, row.currency, locale, { display: "code" })}</TableCell>
              <TableCell numeric>{format.number(row.payouts)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </ScrollTable>
    </Card>
  );
}

/** Organizations per KYB status, and how long the applications waiting for a reviewer have waited. */
export async function VerificationCard({ kyb, queue }: { kyb: PlatformDashboard["kyb"]; queue: PlatformDashboard["queue"] }) {
  const t = await getTranslations("dashboard.platform");
  const format = await getFormatter();
  const hours = (value: number | null) => (value === null ? "—" : t("queue.hours", { hours: format.number(value) }));
  const statusName = (status: string) => (t.has(`kyb.statuses.${status}`) ? t(`kyb.statuses.${status}`) : t("kyb.none"));
  return (
    <Card>
      <CardHeader
        title={t("kyb.title")}
        actions={
          <Link href="/admin/kyb" className="text-sm font-medium text-teal-800 hover:underline">
            {t("queue.open")}
          </Link>
        }
      />
      <CardBody className="flex flex-col gap-4">
        <div>
          <h3 className="text-sm font-semibold text-slate-900">{t("queue.title")}</h3>
          {queue.waiting === 0 ? (
            <p className="mt-1 text-sm text-slate-600">{t("queue.empty")}</p>
          ) : (
            <dl className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="platform-queue">
              {[
                [t("queue.waiting"), format.number(queue.waiting)],
                [t("queue.oldest"), hours(queue.oldestHours)],
                [t("queue.median"), hours(queue.medianHours)],
                [t("queue.overTarget"), format.number(queue.overTarget)],
              ].map(([label, value]) => (
                <div key={label} className="min-w-0">
                  <dt className="text-xs break-words text-slate-600">{label}</dt>
                  <dd className="tabular text-lg font-semibold text-slate-900">{value}</dd>
                </div>
              ))}
            </dl>
          )}
        </div>
        <ScrollTable caption={t("kyb.caption")} data-testid="platform-kyb">
          <TableHead>
            <TableRow>
              <TableHeaderCell>{t("kyb.status")}</TableHeaderCell>
              <TableHeaderCell numeric>{t("kyb.organizations")}</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {kyb.map((row) => (
              <TableRow key={row.status}>
                <TableHeaderCell scope="row" className={rowHeader}>
                  {statusName(row.status)}
                </TableHeaderCell>
                <TableCell numeric>{format.number(row.organizations)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </ScrollTable>
      </CardBody>
    </Card>
  );
}

/** Disputes per tier: undecided now, decided in the last 90 days, and the share decided without a missed deadline. */
export async function DisputesCard({ disputes, days }: { disputes: PlatformDashboard["disputes"]; days: number }) {
  const t = await getTranslations("dashboard.platform");
  const format = await getFormatter();
  return (
    <Card>
      <CardHeader title={t("disputes.title")} description={t("period", { days })} />
      <ScrollTable caption={t("disputes.caption")} data-testid="platform-disputes">
        <TableHead>
          <TableRow>
            <TableHeaderCell>{t("disputes.tier")}</TableHeaderCell>
            <TableHeaderCell numeric>{t("disputes.open")}</TableHeaderCell>
            <TableHeaderCell numeric>{t("disputes.decided")}</TableHeaderCell>
            <TableHeaderCell numeric>{t("disputes.hitRate")}</TableHeaderCell>
            <TableHeaderCell numeric>{t("disputes.breached")}</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {disputes.map((row) => (
            <TableRow key={row.tier}>
              <TableHeaderCell scope="row" className={rowHeader}>
                <span className="block">{row.tier}</span>
                <span className="block text-xs font-normal text-slate-600">{t(`disputes.target.${row.tier}`)}</span>
              </TableHeaderCell>
              <TableCell numeric>{format.number(row.undecided)}</TableCell>
              <TableCell numeric>{format.number(row.decided)}</TableCell>
              <TableCell numeric>{row.hitRatePercent === null ? t("disputes.none") : `${row.hitRatePercent} %`}</TableCell>
              <TableCell numeric>{format.number(row.breaches)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </ScrollTable>
    </Card>
  );
}

/** Fee revenue per currency: this month, and the platform's fee account in all. */
export async function FeeRevenueCard({ fees }: { fees: PlatformDashboard["fees"] }) {
  const t = await getTranslations("dashboard.platform");
  const locale = (await getLocale()) as "en" | "zh-CN";
  return (
    <Card>
      <CardHeader title={t("fees.title")} />
      <ScrollTable caption={t("fees.caption")} data-testid="platform-fees">
        <TableHead>
          <TableRow>
            <TableHeaderCell>{t("fees.currency")}</TableHeaderCell>
            <TableHeaderCell numeric>{t("fees.recent")}</TableHeaderCell>
            <TableHeaderCell numeric>{t("fees.total")}</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {fees.length === 0 ? <TableEmptyRow colSpan={3}>{t("fees.empty")}</TableEmptyRow> : null}
          {fees.map((row) => (
            <TableRow key={row.currency}>
              <TableHeaderCell scope="row" className={rowHeader}>
                {row.currency}
              </TableHeaderCell>
              <TableCell numeric>{formatMoney(row.thisMonthMinor, row.currency, locale, { display: "code" })}</TableCell>
              <TableCell numeric>{formatMoney(row.totalMinor, row.currency, locale, { display: "code" })}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </ScrollTable>
    </Card>
  );
}
