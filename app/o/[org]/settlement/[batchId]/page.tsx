import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PayoutStatusBadge } from "@/components/payouts/status-badge";
import { BatchStatusBadge } from "@/components/settlement/batch-status-badge";
import { CollectionsTable } from "@/components/settlement/collections-table";
import { describeSchedule, holdReason, isoDateValue, SETTLEMENT_DATE_FORMAT } from "@/components/settlement/describe";
import { StatementSummary } from "@/components/settlement/statement-summary";
import { Alert } from "@/components/ui/alert";
import { buttonStyles } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { type CurrencyCode, formatMoney, type Locale } from "@/lib/domain/money";
import { requireOrgMember } from "@/lib/server/auth/viewer";
import { loadBatch } from "@/lib/server/settlement/statement";

export const dynamic = "force-dynamic";

export default async function SettlementBatchPage({ params }: { params: Promise<{ org: string; batchId: string }> }) {
  const { org, batchId } = await params;
  const { organization } = await requireOrgMember(org);
  const loaded = await loadBatch(organization.id, batchId);
  if (!loaded) notFound();
  const { batch, statement, payout } = loaded;
  const t = await getTranslations("settlement");
  const errors = await getTranslations("errors");
  const format = await getFormatter();
  const locale = (await getLocale()) as Locale;
  const money = (minor: bigint) => formatMoney(minor, batch.currency as CurrencyCode, locale, { display: "code" });
  const date = (iso: string) => format.dateTime(isoDateValue(iso), SETTLEMENT_DATE_FORMAT);
  const base = `/o/${org}/settlement/${batch.id}`;

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={
          <Link href={`/o/${org}/settlement`} className="hover:underline">
            {t("statement.back")}
          </Link>
        }
        title={t("statement.title", { date: date(batch.runDate), currency: batch.currency })}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <BatchStatusBadge status={batch.status} />
            <a href={`${base}/csv`} className={buttonStyles({ variant: "secondary", size: "sm" })} download>
              {t("statement.downloadCsv")}
            </a>
            <a href={`${base}/pdf`} className={buttonStyles({ variant: "secondary", size: "sm" })} download>
              {t("statement.downloadPdf")}
            </a>
          </div>
        }
      />

      {batch.status === "held" ? (
        <Alert tone="warning" title={t("statement.heldTitle")}>
          <p data-testid="hold-reason">{holdReason(errors, batch)}</p>
          <p>{t("statement.heldNext")}</p>
        </Alert>
      ) : loaded.reconciled ? (
        <Alert tone="success">{t("statement.reconciled")}</Alert>
      ) : (
        <Alert tone="error">{t("statement.notReconciled")}</Alert>
      )}

      <Card>
        <CardHeader title={t("statement.summary")} />
        <StatementSummary statement={statement} />
        {payout ? (
          <CardBody>
            <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-3">
              <div>
                <dt className="text-slate-500">{t("statement.payoutStatus")}</dt>
                <dd>
                  <PayoutStatusBadge status={payout.status} />
                </dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("statement.payoutReference")}</dt>
                <dd className="tabular text-slate-900" data-testid="batch-payout-reference">
                  {payout.bankReference ?? t("statement.referencePending")}
                </dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("statement.payout")}</dt>
                <dd>
                  <Link href={`/o/${org}/payouts/${payout.id}`} className="font-medium text-teal-800 hover:underline">
                    {t("statement.openPayout")}
                  </Link>
                </dd>
              </div>
            </dl>
          </CardBody>
        ) : null}
      </Card>

      <Card>
        <CardHeader title={t("statement.collections")} />
        <CollectionsTable statement={statement} />
      </Card>

      <Card>
        <CardHeader title={t("statement.details")} />
        <CardBody>
          <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-3">
            <div>
              <dt className="text-slate-500">{t("statement.schedule")}</dt>
              <dd className="text-slate-900">{describeSchedule(t, batch.schedule)}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("statement.cutoff")}</dt>
              <dd className="tabular text-slate-900">{date(batch.cutoffDate)}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("statement.available")}</dt>
              <dd className="tabular text-slate-900">{money(batch.availableMinor)}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("statement.notYetDue")}</dt>
              <dd className="tabular text-slate-900">{money(batch.notYetDueMinor)}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("statement.due")}</dt>
              <dd className="tabular text-slate-900" data-testid="batch-due">
                {money(batch.dueMinor)}
              </dd>
            </div>
          </dl>
        </CardBody>
      </Card>
    </div>
  );
}
