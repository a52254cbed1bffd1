import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { StepUpCard } from "@/components/account/step-up-card";
import { PricingForm } from "@/components/fx/admin-forms";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { toDecimalString } from "@/lib/domain/money";
import { hasFreshSecondFactor } from "@/lib/server/auth/session";
import { requireStaff } from "@/lib/server/auth/viewer";
import { pricingOverview } from "@/lib/server/fx/pricing";

export const dynamic = "force-dynamic";

export default async function FxPricingAdminPage() {
  const { viewer } = await requireStaff(["platform_admin"]);
  const t = await getTranslations("fx.admin");
  const organizations = await pricingOverview();
  const fresh = Boolean(viewer.user.totpEnabledAt) && hasFreshSecondFactor(viewer.session);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t("pricingTitle")}
        description={t("pricingDescription")}
        actions={
          <Link href="/admin/fx" className="text-sm font-medium text-teal-800 hover:underline">
            {t("ratesLink")}
          </Link>
        }
      />
      {!fresh ? (
        <StepUpCard title={t("stepUpTitle")} description={t("stepUpDescription")} />
      ) : null}
      {organizations.map((organization) => (
        <Card key={organization.id}>
          <CardHeader
            title={organization.name}
            description={organization.slug}
            actions={<Badge tone={organization.pricedBy === "default" ? "neutral" : "brand"}>{t(organization.pricedBy)}</Badge>}
          />
          <CardBody>
            {organization.pricedBy === "feeSchedule" ? (
              <p className="text-sm text-slate-700" data-testid="fx-priced-by-fee-schedule">
                {t("pricedByFeeSchedule")}{" "}
                <Link href={`/admin/fees/${organization.id}`} className="font-medium text-teal-800 hover:underline">
                  {t("feeScheduleLink", { name: organization.name })}
                </Link>
              </p>
            ) : (
              <PricingForm
                organizationId={organization.id}
                name={organization.name}
                tiers={organization.tiers.map((tier) => ({ from: toDecimalString(tier.fromCnyMinor, "CNY"), spreadBps: String(tier.spreadBps), feeBps: String(tier.feeBps) }))}
              />
            )}
          </CardBody>
        </Card>
      ))}
    </div>
  );
}
