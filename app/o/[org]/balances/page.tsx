import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { BalanceCards } from "@/components/balances/balance-cards";
import { HistoryFilters } from "@/components/balances/history-filters";
import { HistoryTable } from "@/components/balances/history-table";
import { Alert } from "@/components/ui/alert";
import { buttonStyles } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { parseSearch, searchString } from "@/lib/domain/lists/search-params";
import { historySearchSchema, toLineFilter } from "@/lib/server/balances/history-filter";
import { organizationBalancesInCny, organizationEntryTypes, organizationHistory } from "@/lib/server/balances/queries";
import { requireOrgMember } from "@/lib/server/auth/viewer";

export default async function BalancesPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { org } = await params;
  const { organization } = await requireOrgMember(org);
  const search = parseSearch(historySearchSchema, await searchParams);
  const { filter, problem } = toLineFilter(search, organization.timezone);
  const t = await getTranslations("balances");
  const errors = await getTranslations("errors");
  const statements = await getTranslations("account-statements");
  const [{ balances, totalCnyMinor, ratesAsOf }, types, history] = await Promise.all([
    organizationBalancesInCny(organization.id),
    organizationEntryTypes(organization.id),
    problem ? Promise.resolve({ lines: [], nextCursor: null }) : organizationHistory(organization.id, filter, search.after || undefined),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link href={`/o/${org}/balances/statements`} className={buttonStyles({ variant: "secondary" })}>
            {statements("link")}
          </Link>
        }
      />
      <BalanceCards balances={balances} cny={ratesAsOf ? { totalCnyMinor, ratesAsOf, timeZone: organization.timezone } : null} />
      <Card>
        <CardHeader title={t("history")} description={t("historyDescription")} />
        <div className="border-b border-slate-200 px-6 py-4">
          <HistoryFilters
            search={search}
            currencies={balances.map((balance) => balance.currency)}
            types={types}
            exportHref={`/o/${org}/balances/export${searchString(search, { after: "" })}`}
          />
        </div>
        {problem ? (
          <div className="p-6">
            <Alert tone="error">{errors(`history_${problem}`)}</Alert>
          </div>
        ) : (
          <HistoryTable lines={history.lines} org={org} timeZone={organization.timezone} />
        )}
      </Card>
      {history.nextCursor ? (
        <Link href={`/o/${org}/balances${searchString(search, { after: history.nextCursor })}`} className={buttonStyles({ variant: "secondary" })}>
          {t("older")}
        </Link>
      ) : null}
    </div>
  );
}
