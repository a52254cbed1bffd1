import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SecondFactorGate } from "@/components/account/second-factor-gate";
import { AgentReplyForm } from "@/components/disputes/agent-reply-form";
import { AssignForm, ClaimForm, CloseForm, DecideForm, EscalateForm, ProposeForm } from "@/components/disputes/agent-forms";
import { escalationReasonTexts } from "@/components/disputes/case-history";
import { CaseTitle, EvidenceCard, HistoryCard, ServiceLevelCard, ThreadCard } from "@/components/disputes/case-sections";
import { CaseSummary } from "@/components/disputes/case-summary";
import { STAFF_TIME_ZONE } from "@/components/disputes/format";
import { ProposalCard } from "@/components/disputes/proposal-card";
import { disputeTranslations } from "@/components/disputes/translations";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import type { Locale } from "@/i18n/catalog";
import { canDecide, isUndecided, nextTier, transition } from "@/lib/domain/disputes";
import { toDecimalString } from "@/lib/domain/money";
import { hasFreshSecondFactor } from "@/lib/server/auth/session";
import { requireStaff } from "@/lib/server/auth/viewer";
import { DISPUTE_STAFF } from "@/lib/server/disputes/access";
import { disputeStaff, staffDisputeCase } from "@/lib/server/disputes/queries";
import { listSavedReplies } from "@/lib/server/disputes/saved-replies";

export const dynamic = "force-dynamic";

export default async function AdminDisputeCasePage({ params }: { params: Promise<{ disputeId: string }> }) {
  const { disputeId } = await params;
  const { viewer, role } = await requireStaff(DISPUTE_STAFF);
  const [view, staff, savedReplies] = await Promise.all([staffDisputeCase(disputeId), disputeStaff(), listSavedReplies()]);
  if (!view) notFound();
  const locale = (await getLocale()) as Locale;
  const [t, common] = await Promise.all([disputeTranslations(locale), getTranslations("common")]);
  const { dispute } = view;
  const timeZone = STAFF_TIME_ZONE;
  const undecided = isUndecided(dispute.status);
  const may = (event: Parameters<typeof transition>[1]) => transition(dispute.status, event, { now: view.now }).ok;
  const disputed = toDecimalString(dispute.disputedMinor, dispute.currency);
  const enrolled = Boolean(viewer.user.totpEnabledAt);
  const fresh = enrolled && hasFreshSecondFactor(viewer.session);
  const base = `/admin/disputes/${encodeURIComponent(dispute.id)}`;

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={
          <Link href="/admin/disputes" className="hover:underline">
            ← {t("admin.sections.queue")}
          </Link>
        }
        title={<CaseTitle number={dispute.number} tier={dispute.tier} status={dispute.status} t={t} />}
        description={`${dispute.organizationName} · ${t(`category.${dispute.category}`)}`}
      />
      {dispute.breachCount > 0 ? (
        <Alert tone="warning" data-testid="dispute-breach-alert">
          {t("case.breachedAlert", { count: dispute.breachCount })}
        </Alert>
      ) : null}

      {dispute.status === "proposed" && dispute.proposedOutcome ? (
        <ProposalCard
          proposal={{ outcome: dispute.proposedOutcome, buyerShareMinor: dispute.proposedBuyerShareMinor, note: dispute.proposalNote }}
          disputedMinor={dispute.disputedMinor}
          currency={dispute.currency}
          locale={locale}
        />
      ) : null}

      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="flex min-w-0 flex-col gap-6">
          <Card>
            <CardHeader title={t("case.summary")} />
            <CardBody>
              <CaseSummary dispute={dispute} locale={locale} timeZone={timeZone} />
              {view.escalation ? (
                <div className="mt-4 text-sm text-slate-700" data-testid="dispute-escalation">
                  <p className="font-medium text-slate-900">{t(view.escalation.automatic ? "case.escalatedAutomatically" : "case.escalation")}</p>
                  <ul className="mt-1 list-disc pl-5">
                    {escalationReasonTexts(view.escalation.reasons, locale, t).map((reason, index) => (
                      <li key={`${index}-${reason}`}>{reason}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </CardBody>
          </Card>
          {undecided ? <ServiceLevelCard tier={dispute.tier} deadlines={view.deadlines} now={view.now} locale={locale} timeZone={timeZone} /> : null}
          <ThreadCard messages={view.messages} locale={locale} timeZone={timeZone}>
            {undecided ? <AgentReplyForm disputeId={dispute.id} savedReplies={savedReplies} /> : null}
          </ThreadCard>
          <EvidenceCard evidence={view.evidence} evidenceUrl={`${base}/evidence`} canUpload={undecided} locale={locale} timeZone={timeZone} />
          <HistoryCard events={view.events} currency={dispute.currency} locale={locale} timeZone={timeZone} />
        </div>

        <div className="flex min-w-0 flex-col gap-6">
          <Card>
            <CardHeader title={t("admin.assignment.title")} description={undecided && !dispute.assigneeId ? t("admin.assignment.claimDescription") : undefined} />
            <CardBody className="flex flex-col gap-4">
              <p className="text-sm text-slate-900" data-testid="dispute-assignee">
                {dispute.assigneeName ?? t("case.unassigned")}
              </p>
              {undecided && dispute.assigneeId === null ? <ClaimForm disputeId={dispute.id} /> : null}
              {undecided ? <AssignForm disputeId={dispute.id} assigneeId={dispute.assigneeId} staff={staff} /> : null}
            </CardBody>
          </Card>

          {undecided && nextTier(dispute.tier) ? (
            <Card>
              <CardHeader title={t("admin.escalate.title")} description={t("admin.escalate.description")} />
              <CardBody>
                <EscalateForm disputeId={dispute.id} tier={dispute.tier} />
              </CardBody>
            </Card>
          ) : null}

          {may("propose") ? (
            <Card>
              <CardHeader title={t("admin.propose.title")} description={t("admin.propose.description")} />
              <CardBody>
                <ProposeForm disputeId={dispute.id} currency={dispute.currency} disputed={disputed} />
              </CardBody>
            </Card>
          ) : null}

          {may("decide") ? (
            <Card data-testid="decision-card">
              <CardHeader title={t("admin.decide.title")} description={t("admin.decide.description")} />
              <CardBody className="flex flex-col gap-4">
                {!canDecide({ tier: dispute.tier, role }) ? (
                  <Alert tone="info" data-testid="decision-needs-admin">
                    {t("admin.decide.needsAdmin")}
                  </Alert>
                ) : (
                  <>
                    <SecondFactorGate
                      enrolled={enrolled}
                      fresh={fresh}
                      text={{ enrollFirst: t("admin.decide.enrollFirst"), security: common("nav.security"), stepUpTitle: t("admin.decide.stepUpTitle"), stepUpDescription: t("admin.decide.stepUpDescription") }}
                    />
                    <DecideForm disputeId={dispute.id} currency={dispute.currency} disputed={disputed} defaultOutcome={dispute.proposedOutcome} />
                  </>
                )}
              </CardBody>
            </Card>
          ) : null}

          {may("close") ? (
            <Card>
              <CardHeader title={t("admin.close.title")} description={t("admin.close.description")} />
              <CardBody>
                <CloseForm disputeId={dispute.id} />
              </CardBody>
            </Card>
          ) : null}
        </div>
      </div>
    </div>
  );
}
