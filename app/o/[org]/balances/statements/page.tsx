import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { monthLabel } from "@/components/account-statements/month-label";
import { StatementPicker } from "@/components/account-statements/statement-picker";
import { StatementSectionTable } from "@/components/account-statements/statement-section";
import { StatementSummary } from "@/components/account-statements/statement-summary";
import { Alert } from "@/components/ui/alert";
import { buttonStyles } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { monthDates } from "@/lib/domain/account-statements";
import { parseSearch } from "@/lib/domain/lists/search-params";
import { statementPage, statementSearchSchema } from "@/lib/server/account-statements/page-query";
import { requireOrgMember } from "@/lib/server/auth/viewer";

export default async function AccountStatementsPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { org } = await params;
  const { organization } = await requireOrgMember(org);
  const page = await statementPage(organization, parseSearch(statementSearchSchema, await searchParams));
  const t = await getTranslations("account-statements");
  const errors = await getTranslations("errors");
  const locale = await getLocale();
  const header = (
    <PageHeader
      eyebrow={
        <Link href={`/o/${org}/balances`} className="hover:underline">
          {t("back")}
        </Link>
      }
      title={t("title")}
      description={t("description")}
    />
  );
  if (page.currency === null) {
    return (
      <div className="flex flex-col gap-6">
        {header}
        <Card>
          <EmptyState title={t("noCurrencies")} description={t("noCurrenciesHint")} />
        </Card>
      </div>
    );
  }
  const { loaded } = page;
  const base = `/o/${org}/balances/statements/${page.month}/${page.currency}`;
  const { first, last } = monthDates(page.month);
  return (
    <div className="flex flex-col gap-6">
      {header}
      <Card>
        <CardBody className="flex flex-wrap items-end justify-between gap-4">
          <StatementPicker months={page.months} currencies={page.currencies} month={page.month} currency={page.currency} />
          {loaded ? (
            <div className="flex gap-2">
              <a href={`${base}/csv`} className={buttonStyles({ size: "sm", variant: "secondary" })} download>
                {t("downloadCsv")}
              </a>
              <a href={`${base}/pdf`} className={buttonStyles({ size: "sm", variant: "secondary" })} download>
                {t("downloadPdf")}
              </a>
            </div>
          ) : null}
        </CardBody>
      </Card>
      {page.problem ? <Alert tone="error">{errors(page.problem)}</Alert> : null}
      {loaded ? (
        <>
          <section aria-labelledby="statement-heading" className="flex flex-col gap-1">
            <h2 id="statement-heading" className="text-lg font-semibold text-slate-900">
              {t("heading", { currency: page.currency, month: monthLabel(page.month, locale) })}
            </h2>
            <p className="text-sm text-slate-600">
              {loaded.toDate ? t("periodToDate", { first, timeZone: loaded.timeZone }) : t("period", { first, last, timeZone: loaded.timeZone })}
            </p>
          </section>
          <StatementSummary statement={loaded.statement} />
          {loaded.statement.sections.map((section) => (
            <StatementSectionTable
              key={section.kind}
              section={section}
              currency={loaded.statement.currency}
              org={org}
              timeZone={loaded.timeZone}
              references={loaded.references}
            />
          ))}
        </>
      ) : null}
    </div>
  );
}
