import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Pager } from "@/components/lists/pager";
import { AccountSummary } from "@/components/payouts/account-summary";
import { PayoutFilters } from "@/components/payouts/payout-filters";
import { PayoutTable } from "@/components/payouts/payout-table";
import { PayoutRequestForm } from "@/components/payouts/request-form";
import { SecondFactorGate } from "@/components/account/second-factor-gate";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { db } from "@/db/client";
import { INVOICE_CURRENCIES } from "@/lib/domain/invoices";
import { parseSearch, searchString } from "@/lib/domain/lists/search-params";
import { formatMoney, type Locale } from "@/lib/domain/money";
import { payoutSearchSchema } from "@/lib/domain/payouts/list-search";
import { hasFreshSecondFactor } from "@/lib/server/auth/session";
import { requireOrgMember } from "@/lib/server/auth/viewer";
import { MONEY_ROLES } from "@/lib/server/guard/access";
import { getBalances } from "@/lib/server/ledger";
import { settlementBankAccount } from "@/lib/server/payouts/bank-account";
import { listPayoutPage } from "@/lib/server/payouts/list";
import { countAwaitingApproval } from "@/lib/server/payouts/queries";

export const dynamic = "force-dynamic";

export default async function PayoutsPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { org } = await params;
  const { viewer, organization, membership } = await requireOrgMember(org);
  const search = parseSearch(payoutSearchSchema, await searchParams);
  const [account, balances, page, awaiting] = await Promise.all([
    settlementBankAccount(db(), organization.id),
    getBalances(db(), organization.id),
    listPayoutPage(organization.id, search, organization.timezone),
    countAwaitingApproval(organization.id),
  ]);
  const t = await getTranslations("payouts");
  const common = await getTranslations("common");
  const locale = (await getLocale()) as Locale;
  const canRequest = MONEY_ROLES.includes(membership.role);
  const enrolled = Boolean(viewer.user.totpEnabledAt);
  const fresh = enrolled && hasFreshSecondFactor(viewer.session);
  const currencies = balances
    .filter((balance) => balance.availableMinor > 0n && account?.currencies.includes(balance.currency))
    .map((balance) => ({
      currency: balance.currency,
      label: t("form.availableOption", { currency: balance.currency, amount: formatMoney(balance.availableMinor, balance.currency, locale, { display: "code" }) }),
    }));

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link href={`/o/${org}/payouts/settings`} className="text-sm font-medium text-teal-800 hover:underline">
            {t("settingsLink")}
          </Link>
        }
      />
      {awaiting > 0 ? <Alert tone="warning">{t("awaiting", { count: awaiting })}</Alert> : null}

      <Card>
        <CardHeader title={t("account.title")} description={t("account.description")} />
        <CardBody>{account ? <AccountSummary account={account} /> : <Alert tone="info">{t("account.none")}</Alert>}</CardBody>
      </Card>

      {!canRequest ? (
        <Alert tone="info">{t("form.viewerNote")}</Alert>
      ) : account ? (
        <Card>
          <CardHeader title={t("form.title")} description={t("form.description")} />
          <CardBody className="flex flex-col gap-6">
            {currencies.length === 0 ? (
              <Alert tone="info">{t("form.nothing")}</Alert>
            ) : (
              <>
                <SecondFactorGate
                  enrolled={enrolled}
                  fresh={fresh}
                  text={{ enrollFirst: t("form.enrollFirst"), security: common("nav.security"), stepUpTitle: t("form.stepUpTitle"), stepUpDescription: t("form.stepUpDescription") }}
                />
                <PayoutRequestForm org={org} currencies={currencies} canConfirm={fresh} />
              </>
            )}
          </CardBody>
        </Card>
      ) : null}

      <Card>
        <CardHeader title={t("list.title")} />
        <div className="border-b border-slate-200 px-6 py-4">
          <PayoutFilters org={org} search={search} currencies={INVOICE_CURRENCIES} />
        </div>
        <PayoutTable org={org} payouts={page.rows} timeZone={organization.timezone} />
      </Card>
      <Pager
        firstHref={search.after ? `/o/${org}/payouts${searchString({ ...search, after: "" })}` : null}
        nextHref={page.nextCursor ? `/o/${org}/payouts${searchString(search, { after: page.nextCursor })}` : null}
      />
    </div>
  );
}
