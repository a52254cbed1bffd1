import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { SecondFactorGate } from "@/components/account/second-factor-gate";
import { ThresholdForm } from "@/components/payouts/threshold-form";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/db/client";
import { formatMoney, type Locale, toDecimalString } from "@/lib/domain/money";
import { hasFreshSecondFactor } from "@/lib/server/auth/session";
import { requireOrgMember } from "@/lib/server/auth/viewer";
import { loadTierLimits } from "@/lib/server/kyb";
import { settlementBankAccount } from "@/lib/server/payouts/bank-account";
import { approvalThreshold } from "@/lib/server/payouts/settings";

export const dynamic = "force-dynamic";

export default async function PayoutSettingsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { viewer, organization, membership } = await requireOrgMember(org);
  const [threshold, account, tierLimits] = await Promise.all([approvalThreshold(organization.id), settlementBankAccount(db(), organization.id), loadTierLimits()]);
  const t = await getTranslations("payouts");
  const common = await getTranslations("common");
  const locale = (await getLocale()) as Locale;
  const cny = (minor: bigint) => formatMoney(minor, "CNY", locale, { display: "code" });
  const isOwner = membership.role === "owner";
  const enrolled = Boolean(viewer.user.totpEnabledAt);
  const fresh = enrolled && hasFreshSecondFactor(viewer.session);

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={
          <Link href={`/o/${org}/payouts`} className="hover:underline">
            {t("detail.back")}
          </Link>
        }
        title={t("settings.title")}
        description={t("settings.description")}
      />
      <Card>
        <CardHeader title={t("settings.current")} description={cny(threshold)} />
        <CardBody className="flex flex-col gap-4">
          {isOwner ? (
            <>
              <SecondFactorGate
                enrolled={enrolled}
                fresh={fresh}
                text={{ enrollFirst: t("settings.enrollFirst"), security: common("nav.security"), stepUpTitle: t("settings.stepUpTitle"), stepUpDescription: t("settings.stepUpDescription") }}
              />
              <ThresholdForm org={org} threshold={toDecimalString(threshold, "CNY")} canSubmit={fresh} />
            </>
          ) : (
            <Alert tone="info">{t("settings.ownerOnly")}</Alert>
          )}
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={t("settings.limitsTitle")} />
        <CardBody>
          <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-3">
            {account ? (
              <div>
                <dt className="text-slate-500">{t("settings.tierLimit")}</dt>
                <dd className="tabular text-slate-900">{cny(tierLimits[account.tier].dailyPayoutCnyMinor)}</dd>
              </div>
            ) : null}
            <div>
              <dt className="text-slate-500">{t("settings.memberSingle")}</dt>
              <dd className="tabular text-slate-900">{membership.maxSingleMinor !== null ? cny(membership.maxSingleMinor) : t("settings.noLimit")}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("settings.memberDaily")}</dt>
              <dd className="tabular text-slate-900">{membership.dailyTotalMinor !== null ? cny(membership.dailyTotalMinor) : t("settings.noLimit")}</dd>
            </div>
          </dl>
        </CardBody>
      </Card>
    </div>
  );
}
