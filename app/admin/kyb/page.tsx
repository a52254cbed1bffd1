import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { KybStatusBadge, RiskBadge } from "@/components/kyb/display";
import { Badge } from "@/components/ui/badge";
import { buttonStyles } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { KYB_REVIEW_TARGET_BUSINESS_DAYS, KYB_STATUSES } from "@/lib/domain/kyb";
import { formatMoney } from "@/lib/domain/money";
import { requireStaff } from "@/lib/server/auth/viewer";
import { queueFilterFromSearch, reviewQueue } from "@/lib/server/kyb/queries";
import { FilterActions, FilterInput, FilterSelect } from "@/components/filters/filter-fields";

export default async function KybQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { role } = await requireStaff(["kyc_reviewer", "platform_admin"]);
  const filter = queueFilterFromSearch(await searchParams);
  const t = await getTranslations("kyb");
  const format = await getFormatter();
  const locale = (await getLocale()) as "en" | "zh-CN";
  const rows = await reviewQueue(filter);

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t("queue.title")}
        description={t("queue.description", { days: KYB_REVIEW_TARGET_BUSINESS_DAYS })}
        actions={
          role === "platform_admin" ? (
            <Link href="/admin/kyb/settings" className={buttonStyles({ variant: "secondary", size: "sm" })}>
              {t("queue.settings")}
            </Link>
          ) : null
        }
      />
      <form method="get" className="grid gap-3 sm:grid-cols-6 sm:items-end">
        <FilterSelect
          label={t("queue.filters.status")}
          name="status"
          value={filter.status}
          options={[
            { value: "open", label: t("queue.filters.open") },
            { value: "all", label: t("queue.filters.all") },
            ...KYB_STATUSES.filter((status) => status !== "draft").map((status) => ({ value: status, label: t(`status.${status}`) })),
          ]}
        />
        <FilterSelect
          label={t("queue.filters.risk")}
          name="risk"
          value={filter.risk}
          anyLabel={t("queue.filters.anyRisk")}
          options={[
            { value: "standard", label: t("risk.standard") },
            { value: "high", label: t("risk.high") },
          ]}
        />
        <FilterInput label={t("queue.filters.country")} name="country" defaultValue={filter.country} maxLength={2} className="uppercase" placeholder="US" />
        <FilterInput label={t("queue.filters.minVolume")} name="minVolume" defaultValue={filter.minVolume} inputMode="decimal" />
        <FilterInput label={t("queue.filters.maxVolume")} name="maxVolume" defaultValue={filter.maxVolume} inputMode="decimal" />
        <FilterActions />
      </form>
      <Card>
        {rows.length === 0 ? (
          <EmptyState title={t("queue.empty")} />
        ) : (
          <Table caption={t("queue.title")}>
            <TableHead>
              <TableRow>
                <TableHeaderCell>{t("queue.company")}</TableHeaderCell>
                <TableHeaderCell>{t("status.label")}</TableHeaderCell>
                <TableHeaderCell>{t("queue.submitted")}</TableHeaderCell>
                <TableHeaderCell>{t("queue.age")}</TableHeaderCell>
                <TableHeaderCell numeric>{t("queue.volume")}</TableHeaderCell>
                <TableHeaderCell>{t("queue.countries")}</TableHeaderCell>
                <TableHeaderCell>{t("queue.open")}</TableHeaderCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.id} data-testid={`kyb-queue-${row.id}`}>
                  <TableCell>
                    <div className="font-medium text-slate-900">{row.legalNameZh ?? row.organizationName}</div>
                    <div className="text-sm text-slate-600">{row.legalNameEn}</div>
                    <div className="mt-1 flex flex-wrap gap-1">
                      <RiskBadge level={row.riskLevel} />
                      {row.riskLevel === "high" && (row.status === "in_review" || row.status === "submitted") ? (
                        <Badge tone="warning">{t("queue.votes", { votes: row.votes })}</Badge>
                      ) : null}
                    </div>
                  </TableCell>
                  <TableCell>
                    <KybStatusBadge status={row.status} />
                  </TableCell>
                  <TableCell>{row.submittedAt ? format.dateTime(row.submittedAt, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" }) : "—"}</TableCell>
                  <TableCell>
                    {row.age ? (
                      <span className="flex flex-col gap-1">
                        <span className="tabular">{t("queue.ageDays", { days: row.age.businessDays })}</span>
                        {row.age.overdue ? <Badge tone="danger">{t("queue.overdue")}</Badge> : null}
                      </span>
                    ) : (
                      "—"
                    )}
                  </TableCell>
                  <TableCell numeric>{row.volumeMinor === null ? "—" : formatMoney(row.volumeMinor, "CNY", locale)}</TableCell>
                  <TableCell>{row.buyerCountries.join(", ")}</TableCell>
                  <TableCell>
                    <Link href={`/admin/kyb/${row.id}`} className="font-medium text-teal-800 hover:underline">
                      {t("queue.open")}
                      <span className="sr-only"> {row.legalNameEn ?? row.organizationName}</span>
                    </Link>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>
    </div>
  );
}
