import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { Pager } from "@/components/lists/pager";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { parseSearch, searchString } from "@/lib/domain/lists/search-params";
import { auditFilterSchema, auditPage } from "@/lib/server/audit/queries";
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
  const filter = parseSearch(auditFilterSchema, await searchParams);
  const t = await getTranslations("audit");
  const { rows, nextBefore } = await auditPage(organization.id, filter);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} description={t("orgDescription")} />
      <AuditFilters filter={filter} exportHref={`/o/${org}/audit/export`} />
      <Card>
        <AuditTable rows={rows} timeZone={organization.timezone} showOrganization={false} />
      </Card>
      <Pager
        firstHref={filter.before ? `/o/${org}/audit${searchString({ ...filter, before: "" })}` : null}
        nextHref={nextBefore ? `/o/${org}/audit${searchString(filter, { before: nextBefore })}` : null}
      />
    </div>
  );
}
