import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SecondFactorGate } from "@/components/account/second-factor-gate";
import { CreditSummary } from "@/components/refunds/credit-summary";
import { RefundForm } from "@/components/refunds/refund-form";
import { RefundTable } from "@/components/refunds/refund-table";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { formatMoney, type Locale } from "@/lib/domain/money";
import { hasFreshSecondFactor } from "@/lib/server/auth/session";
import { requireOrgMember } from "@/lib/server/auth/viewer";
import { organizationBuyer } from "@/lib/server/buyers/queries";
import { MONEY_ROLES } from "@/lib/server/guard/access";
import { buyerRefundableCredit, listBuyerRefunds } from "@/lib/server/refunds/queries";

export const dynamic = "force-dynamic";

export default async function BuyerRefundsPage({ params }: { params: Promise<{ org: string; buyerId: string }> }) {
  const { org, buyerId } = await params;
  const { viewer, organization, membership } = await requireOrgMember(org);
  const buyer = await organizationBuyer(organization.id, buyerId);
  if (!buyer) notFound();
  const [credits, refunds] = await Promise.all([buyerRefundableCredit(organization.id, buyer.id), listBuyerRefunds(organization.id, buyer.id)]);
  const t = await getTranslations("refunds");
  const common = await getTranslations("common");
  const locale = (await getLocale()) as Locale;
  const canRefund = MONEY_ROLES.includes(membership.role);
  const enrolled = Boolean(viewer.user.totpEnabledAt);
  const fresh = enrolled && hasFreshSecondFactor(viewer.session);
  const refundable = credits
    .filter((credit) => credit.refundableMinor > 0n)
    .map((credit) => ({ currency: credit.currency, label: formatMoney(credit.refundableMinor, credit.currency, locale, { display: "code" }) }));

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={
          <Link href={`/o/${org}/buyers/${buyer.id}`} className="hover:underline">
            {t("back", { buyer: buyer.name })}
          </Link>
        }
        title={t("title", { buyer: buyer.name })}
        description={t("description")}
      />
      <Card>
        <CardHeader title={t("credit.title")} description={t("credit.description")} />
        <CardBody>
          <CreditSummary credits={credits} />
        </CardBody>
      </Card>

      {canRefund ? (
        <Card>
          <CardHeader title={t("form.title")} description={t("form.description")} />
          <CardBody className="flex flex-col gap-6">
            {refundable.length === 0 ? (
              <Alert tone="info">{t("form.nothing")}</Alert>
            ) : (
              <>
                <SecondFactorGate
                  enrolled={enrolled}
                  fresh={fresh}
                  text={{ enrollFirst: t("form.enrollFirst"), security: common("nav.security"), stepUpTitle: t("form.stepUpTitle"), stepUpDescription: t("form.stepUpDescription") }}
                />
                <RefundForm org={org} buyerId={buyer.id} buyerName={buyer.name} currencies={refundable} />
              </>
            )}
          </CardBody>
        </Card>
      ) : (
        <Alert tone="info">{t("form.viewerNote")}</Alert>
      )}

      <Card>
        <CardHeader title={t("history.title")} />
        <RefundTable refunds={refunds} timeZone={organization.timezone} />
      </Card>
    </div>
  );
}
