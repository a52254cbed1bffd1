import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ApprovePayoutForm, CancelPayoutForm, SandboxOutcomeForm } from "@/components/payouts/decision-forms";
import { FeeBreakdown } from "@/components/payouts/fee-breakdown";
import { SecondFactorGate } from "@/components/account/second-factor-gate";
import { PayoutStatusBadge } from "@/components/payouts/status-badge";
import { PayoutTimeline } from "@/components/payouts/timeline";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { type CurrencyCode, formatMoney, type Locale } from "@/lib/domain/money";
import { canApprove } from "@/lib/domain/settlement/payout";
import { hasFreshSecondFactor } from "@/lib/server/auth/session";
import { requireOrgMember } from "@/lib/server/auth/viewer";
import { MONEY_ROLES } from "@/lib/server/guard/access";
import { organizationPayout } from "@/lib/server/payouts/queries";
import { sandboxBankActive } from "@/lib/server/payouts/sandbox-control";

export const dynamic = "force-dynamic";

export default async function PayoutPage({ params }: { params: Promise<{ org: string; payoutId: string }> }) {
  const { org, payoutId } = await params;
  const { viewer, organization, membership } = await requireOrgMember(org);
  const payout = await organizationPayout(organization.id, payoutId);
  if (!payout) notFound();
  const t = await getTranslations("payouts");
  const common = await getTranslations("common");
  const locale = (await getLocale()) as Locale;
  const money = (minor: bigint) => formatMoney(minor, payout.currency as CurrencyCode, locale, { display: "code" });
  const moneyRole = MONEY_ROLES.includes(membership.role);
  const enrolled = Boolean(viewer.user.totpEnabledAt);
  const fresh = enrolled && hasFreshSecondFactor(viewer.session);
  const approval = canApprove({ requesterId: payout.requestedBy, approverId: viewer.user.id, approverRole: membership.role });
  const showSandbox = moneyRole && sandboxBankActive() && (payout.status === "approved" || payout.status === "sent");
  const beneficiary = payout.beneficiary;

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={
          <Link href={`/o/${org}/payouts`} className="hover:underline">
            {t("detail.back")}
          </Link>
        }
        title={t("detail.title", { amount: money(payout.amountMinor) })}
        actions={<PayoutStatusBadge status={payout.status} />}
      />

      {payout.status === "failed" || payout.status === "returned" ? (
        <Alert tone="error" title={t("detail.reasonTitle")}>
          <p data-testid="payout-reason">{payout.failureReason}</p>
          <p>{t("detail.reversed")}</p>
        </Alert>
      ) : null}

      {payout.status === "requested" ? (
        <Card>
          <CardHeader title={t("approval.title")} description={t("approval.description")} />
          <CardBody className="flex flex-col gap-4">
            {approval.ok ? (
              <>
                <SecondFactorGate
                  enrolled={enrolled}
                  fresh={fresh}
                  text={{ enrollFirst: t("approval.enrollFirst"), security: common("nav.security"), stepUpTitle: t("approval.stepUpTitle"), stepUpDescription: t("approval.stepUpDescription") }}
                />
                <ApprovePayoutForm org={org} payoutId={payout.id} canSubmit={fresh} />
              </>
            ) : (
              <Alert tone="info">
                {approval.code === "approver_is_requester"
                  ? t("approval.youRequested")
                  : payout.requesterName
                    ? t("approval.waiting", { name: payout.requesterName })
                    : t("approval.waitingAnyOwner")}
              </Alert>
            )}
            {moneyRole ? (
              <div className="flex flex-col gap-2 border-t border-slate-200 pt-4">
                <p className="text-sm text-slate-700">{t("cancel.description")}</p>
                <CancelPayoutForm org={org} payoutId={payout.id} />
              </div>
            ) : null}
          </CardBody>
        </Card>
      ) : null}

      <Card>
        <CardHeader title={t("detail.summary")} />
        <FeeBreakdown currency={payout.currency} amountMinor={payout.amountMinor} fees={payout.fees} netMinor={payout.netMinor} />
        <CardBody>
          <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-3">
            <div>
              <dt className="text-slate-500">{t("detail.speed")}</dt>
              <dd className="text-slate-900">{t(`speeds.${payout.speed}`)}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("detail.origin")}</dt>
              <dd className="text-slate-900">
                {t(`origins.${payout.origin}`)}
                {payout.settlementBatchId ? <span className="tabular block text-xs text-slate-600">{t("detail.batch")}: {payout.settlementBatchId}</span> : null}
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("detail.reference")}</dt>
              <dd className="tabular text-slate-900" data-testid="payout-reference">
                {payout.bankReference ?? t("detail.referencePending")}
              </dd>
            </div>
            <div className="sm:col-span-2 lg:col-span-3">
              <dt className="text-slate-500">{t("detail.beneficiary")}</dt>
              <dd className="tabular text-slate-900">
                {beneficiary.accountHolder} · {beneficiary.bankName} {beneficiary.branchName} · {beneficiary.iban ?? beneficiary.accountNumber}
                {beneficiary.swiftBic ? ` · SWIFT ${beneficiary.swiftBic}` : ""}
                {beneficiary.cnaps ? ` · ${t("account.cnaps")} ${beneficiary.cnaps}` : ""}
              </dd>
            </div>
          </dl>
        </CardBody>
      </Card>

      <Card>
        <CardHeader title={t("detail.timeline")} />
        <CardBody>
          <PayoutTimeline payout={payout} timeZone={organization.timezone} />
        </CardBody>
      </Card>

      {showSandbox ? (
        <Card>
          <CardHeader title={t("sandbox.title")} description={t("sandbox.description")} />
          <CardBody>
            <SandboxOutcomeForm org={org} payoutId={payout.id} />
          </CardBody>
        </Card>
      ) : null}
    </div>
  );
}
