import { getLocale } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BuyerLinkForm } from "@/components/disputes/buyer-link-form";
import { CaseEntries } from "@/components/disputes/case-entries";
import { CaseSummary } from "@/components/disputes/case-summary";
import { CaseTitle, EvidenceCard, HistoryCard, ServiceLevelCard, ThreadCard } from "@/components/disputes/case-sections";
import { ProposalCard } from "@/components/disputes/proposal-card";
import { ProposalResponseForm } from "@/components/disputes/proposal-response-form";
import { FactoryReplyForm } from "@/components/disputes/reply-forms";
import { disputeTranslations } from "@/components/disputes/translations";
import { Alert } from "@/components/ui/alert";
import { buttonStyles } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import type { Locale } from "@/i18n/catalog";
import { isUndecided } from "@/lib/domain/disputes";
import { requireOrgMember } from "@/lib/server/auth/viewer";
import { organizationDisputeCase } from "@/lib/server/disputes/queries";
import { MONEY_ROLES } from "@/lib/server/guard/access";

export const dynamic = "force-dynamic";

export default async function DisputeCasePage({ params }: { params: Promise<{ org: string; disputeId: string }> }) {
  const { org, disputeId } = await params;
  const { organization, membership } = await requireOrgMember(org);
  const view = await organizationDisputeCase(organization.id, disputeId);
  if (!view) notFound();
  const locale = (await getLocale()) as Locale;
  const t = await disputeTranslations(locale);
  const { dispute } = view;
  const timeZone = organization.timezone;
  const canAct = MONEY_ROLES.includes(membership.role);
  const undecided = isUndecided(dispute.status);
  const base = `/o/${encodeURIComponent(org)}/disputes/${encodeURIComponent(dispute.id)}`;

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={
          <Link href={`/o/${org}/disputes`} className="hover:underline">
            ← {t("case.back")}
          </Link>
        }
        title={<CaseTitle number={dispute.number} tier={dispute.tier} status={dispute.status} t={t} />}
        description={t(`category.${dispute.category}`)}
      />
      {dispute.breachCount > 0 ? <Alert tone="warning">{t("case.breachedAlert", { count: dispute.breachCount })}</Alert> : null}
      {!canAct ? <Alert tone="info">{t("case.readOnly")}</Alert> : null}

      {dispute.status === "proposed" && dispute.proposedOutcome ? (
        <ProposalCard
          proposal={{ outcome: dispute.proposedOutcome, buyerShareMinor: dispute.proposedBuyerShareMinor, note: dispute.proposalNote }}
          disputedMinor={dispute.disputedMinor}
          currency={dispute.currency}
          locale={locale}
        >
          {canAct ? <ProposalResponseForm side={{ kind: "factory", org, disputeId: dispute.id }} /> : null}
        </ProposalCard>
      ) : null}

      <Card>
        <CardHeader title={t("case.summary")} />
        <CardBody>
          <CaseSummary
            dispute={dispute}
            locale={locale}
            timeZone={timeZone}
            links={{
              invoice: dispute.invoiceId ? `/o/${org}/invoices/${dispute.invoiceId}` : undefined,
              payment: dispute.paymentId ? `/o/${org}/payments/${dispute.paymentId}` : undefined,
            }}
          />
        </CardBody>
      </Card>

      {undecided ? <ServiceLevelCard tier={dispute.tier} deadlines={view.deadlines} now={view.now} locale={locale} timeZone={timeZone} /> : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <ThreadCard messages={view.messages} locale={locale} timeZone={timeZone}>
          {canAct && undecided ? <FactoryReplyForm org={org} disputeId={dispute.id} /> : null}
        </ThreadCard>
        <EvidenceCard evidence={view.evidence} evidenceUrl={`${base}/evidence`} canUpload={canAct && undecided} locale={locale} timeZone={timeZone} />
      </div>

      {undecided ? (
        <Card>
          <CardHeader title={t("buyerLink.title")} description={dispute.buyerTokenHash ? t("buyerLink.description") : undefined} />
          <CardBody>
            {!dispute.buyerTokenHash ? (
              <p className="text-sm text-slate-600">{t("buyerLink.none")}</p>
            ) : canAct ? (
              <BuyerLinkForm org={org} disputeId={dispute.id} />
            ) : (
              <p className="text-sm text-slate-600">{t("case.readOnly")}</p>
            )}
          </CardBody>
        </Card>
      ) : null}

      <Card>
        <CardHeader
          title={t("ledger.title")}
          description={t("ledger.description")}
          actions={
            <Link href={`/o/${org}/balances`} className={buttonStyles({ variant: "secondary", size: "sm" })}>
              {t("ledger.balances")}
            </Link>
          }
        />
        <CaseEntries entries={view.entries} currency={dispute.currency} org={org} locale={locale} timeZone={timeZone} />
      </Card>

      <HistoryCard events={view.events} currency={dispute.currency} locale={locale} timeZone={timeZone} />
    </div>
  );
}
