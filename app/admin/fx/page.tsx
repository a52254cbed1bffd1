import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { StepUpCard } from "@/components/account/step-up-card";
import { RateEntryForm } from "@/components/fx/admin-forms";
import { displayRate } from "@/components/fx/display";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { isStale } from "@/lib/domain/fx/rates";
import { ALL_CURRENCY_CODES } from "@/lib/domain/money";
import { hasFreshSecondFactor } from "@/lib/server/auth/session";
import { requireStaff } from "@/lib/server/auth/viewer";
import { maxRateAgeMs } from "@/lib/server/fx/config";
import { loadRateBook, recentRates } from "@/lib/server/fx/rates";

export const dynamic = "force-dynamic";

const TIME_ZONE = "Asia/Shanghai";

export default async function FxRatesAdminPage() {
  const { viewer } = await requireStaff(["platform_admin"]);
  const t = await getTranslations("fx");
  const format = await getFormatter();
  const [book, recent] = await Promise.all([loadRateBook(), recentRates(20)]);
  const fresh = Boolean(viewer.user.totpEnabledAt) && hasFreshSecondFactor(viewer.session);
  const now = new Date();
  const current = book
    .currencies()
    .filter((code) => code !== "CNY")
    .map((code) => book.resolve(code, "CNY"))
    .filter((rate) => rate !== null);
  const source = (name: string) => (t.has(`sources.${name}`) ? t(`sources.${name}`) : name);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone: TIME_ZONE });
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t("admin.ratesTitle")}
        description={t("admin.ratesDescription")}
        actions={
          <Link href="/admin/fx/pricing" className="text-sm font-medium text-teal-800 hover:underline">
            {t("admin.pricingLink")}
          </Link>
        }
      />
      {!fresh ? (
        <StepUpCard title={t("admin.stepUpTitle")} description={t("admin.stepUpDescription")} />
      ) : null}
      <Card>
        <CardHeader title={t("admin.enterTitle")} description={t("admin.enterDescription")} />
        <CardBody>
          <RateEntryForm currencies={[...ALL_CURRENCY_CODES]} />
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={t("admin.currentTitle")} />
        <Table caption={t("admin.currentTitle")}>
          <TableHead>
            <TableRow>
              <TableHeaderCell>{t("admin.columns.pair")}</TableHeaderCell>
              <TableHeaderCell numeric>{t("admin.columns.mid")}</TableHeaderCell>
              <TableHeaderCell>{t("admin.columns.asOf")}</TableHeaderCell>
              <TableHeaderCell>{t("admin.columns.source")}</TableHeaderCell>
              <TableHeaderCell>{t("admin.columns.stale")}</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {current.map((rate) => (
              <TableRow key={rate.base}>
                <TableCell className="font-medium">
                  {rate.base}/{rate.quote}
                </TableCell>
                <TableCell numeric>{displayRate(rate.mid)}</TableCell>
                <TableCell className="text-sm">{when(rate.asOf)}</TableCell>
                <TableCell className="text-sm">{source(rate.source)}</TableCell>
                <TableCell>
                  {isStale(rate.asOf, now, maxRateAgeMs()) ? <Badge tone="warning">{t("admin.stale")}</Badge> : <Badge tone="success">{t("admin.fresh")}</Badge>}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Card>
      <Card>
        <CardHeader title={t("admin.recentTitle")} />
        <Table caption={t("admin.recentTitle")}>
          <TableHead>
            <TableRow>
              <TableHeaderCell>{t("admin.columns.pair")}</TableHeaderCell>
              <TableHeaderCell numeric>{t("admin.columns.mid")}</TableHeaderCell>
              <TableHeaderCell>{t("admin.columns.asOf")}</TableHeaderCell>
              <TableHeaderCell>{t("admin.columns.source")}</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {recent.map((rate) => (
              <TableRow key={rate.id.toString()}>
                <TableCell className="font-medium">
                  {rate.base}/{rate.quote}
                </TableCell>
                <TableCell numeric>{displayRate(rate.rate)}</TableCell>
                <TableCell className="text-sm">{when(rate.asOf)}</TableCell>
                <TableCell className="text-sm">{source(rate.source)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Card>
    </div>
  );
}
