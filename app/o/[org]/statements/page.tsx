import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { CsvMappingForm, DeleteCsvMappingButton } from "@/components/statements/csv-mapping-form";
import { ImportTable } from "@/components/statements/import-table";
import { StatementUploadForm } from "@/components/statements/upload-form";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { formatMoney, type Locale } from "@/lib/domain/money";
import type { CsvMapping } from "@/lib/domain/statements";
import { requireOrgMember } from "@/lib/server/auth/viewer";
import { MONEY_ROLES } from "@/lib/server/guard/access";
import { listCsvMappings } from "@/lib/server/statements/csv-mappings";
import { statementImportFeesOn } from "@/lib/server/statements/import-fee";
import { listStatementImports } from "@/lib/server/statements/queries";

export const dynamic = "force-dynamic";

export default async function StatementsPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { org } = await params;
  const search = await searchParams;
  const { organization, membership } = await requireOrgMember(org);
  const t = await getTranslations("statements");
  const locale = (await getLocale()) as Locale;
  const [imports, mappings, importFees] = await Promise.all([
    listStatementImports(organization.id),
    listCsvMappings(organization.id),
    statementImportFeesOn(organization.id),
  ]);
  const canImport = MONEY_ROLES.includes(membership.role);
  const editing = mappings.find((m) => m.id === search.mapping);

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} description={t("description")} />
      {canImport ? (
        <Card>
          <CardHeader title={t("upload.title")} description={t("upload.description")} />
          <CardBody>
            <StatementUploadForm
              org={org}
              banks={mappings.map((m) => m.bankName)}
              importFees={importFees.map((fee) => formatMoney(fee.amountMinor, fee.currency, locale, { display: "code" }))}
            />
          </CardBody>
        </Card>
      ) : null}

      <Card>
        <CardHeader title={t("list.title")} />
        <ImportTable org={org} rows={imports} timeZone={organization.timezone} />
      </Card>

      {canImport ? (
        <Card>
          <CardHeader title={t("mappings.title")} description={t("mappings.description")} />
          <CardBody className="flex flex-col gap-6">
            {mappings.length === 0 ? (
              <Alert tone="info">{t("mappings.empty")}</Alert>
            ) : (
              <ul className="divide-y divide-slate-100 rounded-md border border-slate-200" data-testid="csv-mappings">
                {mappings.map((m) => (
                  <li key={m.id} className="flex items-center justify-between gap-3 px-4 py-2 text-sm">
                    <span className="font-medium text-slate-900">{m.bankName}</span>
                    <span className="flex items-center gap-2">
                      <Link href={`/o/${org}/statements?mapping=${m.id}`} className="font-medium text-teal-800 hover:underline">
                        {t("mappings.edit")}
                      </Link>
                      <DeleteCsvMappingButton org={org} mappingId={m.id} />
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <div className="flex flex-col gap-3">
              <h3 className="text-sm font-semibold text-slate-900">{editing ? t("mappings.editing", { bank: editing.bankName }) : t("mappings.new")}</h3>
              <CsvMappingForm org={org} bankName={editing?.bankName} mapping={editing?.mapping as unknown as CsvMapping | undefined} />
            </div>
          </CardBody>
        </Card>
      ) : null}
    </div>
  );
}
