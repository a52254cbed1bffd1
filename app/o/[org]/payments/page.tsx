import { getTranslations } from "next-intl/server";
import { Pager } from "@/components/lists/pager";
import { PaymentFilters } from "@/components/payments/payment-filters";
import { PaymentsTable } from "@/components/payments/payments-table";
import { SimulateTransferForm } from "@/components/payments/simulate-transfer-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { parseSearch, searchString } from "@/lib/domain/lists/search-params";
import { paymentSearchSchema } from "@/lib/domain/payments/list-search";
import { requireOrgMember } from "@/lib/server/auth/viewer";
import { buyerOptions } from "@/lib/server/buyers/queries";
import { organizationCollectionAccounts } from "@/lib/server/collections/accounts";
import { MONEY_ROLES } from "@/lib/server/guard/access";
import { listPayments } from "@/lib/server/matching/payment-list";
import { paymentCurrencies, queueSize } from "@/lib/server/matching/queries";
import { sandboxBankActive } from "@/lib/server/matching/sandbox-transfer";

export default async function PaymentsPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { org } = await params;
  const { organization, membership } = await requireOrgMember(org);
  const search = parseSearch(paymentSearchSchema, await searchParams);
  const t = await getTranslations("matching");
  const canAct = MONEY_ROLES.includes(membership.role);
  const [{ payments, nextCursor }, buyers, currencies, queueCount, accounts] = await Promise.all([
    listPayments(organization.id, search),
    buyerOptions(organization.id),
    paymentCurrencies(organization.id),
    queueSize(organization.id),
    canAct && sandboxBankActive() ? organizationCollectionAccounts(organization.id) : Promise.resolve([]),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <div className="border-b border-slate-200 px-6 py-4">
          <PaymentFilters org={org} search={search} currencies={currencies} buyers={buyers} queueCount={queueCount} />
        </div>
        <PaymentsTable org={org} payments={payments} emptyText={search.tab === "queue" && !search.q ? t("emptyQueue") : t("empty")} />
      </Card>
      <Pager
        firstHref={search.after ? `/o/${org}/payments${searchString({ ...search, after: "" })}` : null}
        nextHref={nextCursor ? `/o/${org}/payments${searchString(search, { after: nextCursor })}` : null}
      />
      {accounts.length > 0 ? (
        <Card>
          <CardHeader title={t("simulate.title")} description={t("simulate.description")} />
          <CardBody>
            <SimulateTransferForm org={org} currencies={accounts.map((account) => account.currency)} />
          </CardBody>
        </Card>
      ) : null}
    </div>
  );
}
