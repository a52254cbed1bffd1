import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { buttonStyles } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { auditFilterFromSearch, auditSearchString } from "@/lib/server/audit/page-filter";
import { auditPage } from "@/lib/server/audit/queries";
import { requireOrgMember } from "@/lib/server/auth/viewer";

export default async function OrganizationAuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { org } = await params;
  const { organization, membership } = await requireOrgMember(org);
  if (membership.role !== "owner") notFound();
  const filter = auditFilterFromSearch(await searchParams);
  const t = await getTranslations("audit");
  const { rows, nextBefore } = await auditPage(organization.id, filter);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} description={t("orgDescription")} />
      <AuditFilters filter={filter} exportHref={`/o/${org}/audit/export${auditSearchString(filter, { before: "" })}`} />
      <Card>
        <AuditTable rows={rows} timeZone={organization.timezone} showOrganization={false} />
      </Card>
      {nextBefore ? (
        <Link href={`/o/${org}/audit${auditSearchString(filter, { before: nextBefore })}`} className={buttonStyles({ variant: "secondary" })}>
          {t("older")}
        </Link>
      ) : null}
    </div>
  );
}
