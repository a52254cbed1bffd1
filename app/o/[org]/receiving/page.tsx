import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { BankDetails } from "@/components/receiving/bank-details";
import { bankDetailLabels } from "@/components/receiving/labels";
import { Alert } from "@/components/ui/alert";
import { buttonStyles } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrgMember } from "@/lib/server/auth/viewer";
import { organizationCollectionAccounts } from "@/lib/server/collections/accounts";
import { applicationOfOrganization } from "@/lib/server/kyb/queries";

export const dynamic = "force-dynamic";

export default async function ReceivingPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { organization } = await requireOrgMember(org);
  const [t, locale, application, accounts] = await Promise.all([
    getTranslations("collections"),
    getLocale(),
    applicationOfOrganization(organization.id),
    organizationCollectionAccounts(organization.id),
  ]);
  const labels = bankDetailLabels(t);
  const currencyName = new Intl.DisplayNames([locale], { type: "currency" });
  const approved = application?.status === "approved";

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("receiving.title")} description={t("receiving.description")} />
      {!approved ? (
        <Card>
          <EmptyState
            icon="building"
            title={t("receiving.notApprovedTitle")}
            description={t("receiving.notApproved")}
            action={
              <Link href={`/o/${org}/onboarding`} className={buttonStyles({ variant: "primary" })}>
                {t("receiving.notApprovedLink")}
              </Link>
            }
          />
        </Card>
      ) : accounts.length === 0 ? (
        <Alert tone="info">{t("receiving.opening")}</Alert>
      ) : (
        <>
          <Alert tone="info">{t("receiving.referenceHint")}</Alert>
          <section aria-label={t("receiving.accountsLabel")} className="grid gap-6 xl:grid-cols-2">
            {accounts.map((account) => (
              <Card key={account.id} data-testid={`receiving-${account.currency}`}>
                <CardHeader
                  as="h2"
                  title={`${account.currency} · ${currencyName.of(account.currency) ?? account.currency}`}
                  description={t.has(`receiving.schemes.${account.scheme}`) ? t(`receiving.schemes.${account.scheme}`) : undefined}
                />
                <CardBody>
                  <BankDetails account={account} labels={labels} />
                </CardBody>
              </Card>
            ))}
          </section>
        </>
      )}
    </div>
  );
}
