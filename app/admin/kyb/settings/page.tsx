import { getTranslations } from "next-intl/server";
import { StepUpCard } from "@/components/account/step-up-card";
import { RiskPolicyForm, TierLimitsForm } from "@/components/kyb/review-forms";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ACCOUNT_TIERS } from "@/lib/domain/kyb";
import { toDecimalString } from "@/lib/domain/money";
import { hasFreshSecondFactor } from "@/lib/server/auth/session";
import { requireStaff } from "@/lib/server/auth/viewer";
import { loadRiskPolicy, loadTierLimits } from "@/lib/server/kyb/settings";

export default async function KybSettingsPage() {
  const { viewer } = await requireStaff(["platform_admin"]);
  const t = await getTranslations("kyb");
  const [limits, policy] = await Promise.all([loadTierLimits(), loadRiskPolicy()]);
  const fresh = Boolean(viewer.user.totpEnabledAt) && hasFreshSecondFactor(viewer.session);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("settings.title")} description={t("settings.description")} />
      {!fresh ? (
        <StepUpCard title={t("review.stepUpTitle")} description={t("review.stepUpDescription")} />
      ) : null}
      <Card>
        <CardHeader title={t("settings.tiersTitle")} />
        <CardBody className="flex flex-col gap-4">
          {ACCOUNT_TIERS.map((tier) => (
            <TierLimitsForm
              key={tier}
              tier={tier}
              label={t(`tiers.${tier}`)}
              dailyPayout={toDecimalString(limits[tier].dailyPayoutCnyMinor, "CNY")}
              dailyConversion={toDecimalString(limits[tier].dailyConversionCnyMinor, "CNY")}
            />
          ))}
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={t("settings.riskTitle")} />
        <CardBody>
          <RiskPolicyForm
            volumeThreshold={toDecimalString(policy.volumeThresholdCnyMinor, "CNY")}
            highRiskCountries={policy.highRiskCountries.join(", ")}
          />
        </CardBody>
      </Card>
    </div>
  );
}
