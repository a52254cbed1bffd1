import { getTranslations } from "next-intl/server";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { Pager } from "@/components/lists/pager";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { parseSearch, searchString } from "@/lib/domain/lists/search-params";
import { auditFilterSchema, auditPage } from "@/lib/server/audit/queries";
import { requireStaff } from "@/lib/server/auth/viewer";

export default async function PlatformAuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaff(["platform_admin"]);
  const filter = parseSearch(auditFilterSchema, await searchParams);
  const t = await getTranslations("audit");
  const { rows, nextBefore } = await auditPage(null, filter);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} description={t("platformDescription")} />
      <AuditFilters filter={filter} exportHref={`/admin/audit/export`} />
      <Card>
        <AuditTable rows={rows} timeZone="Asia/Shanghai" showOrganization />
      </Card>
      <Pager
        firstHref={filter.before ? `/admin/audit${searchString({ ...filter, before: "" })}` : null}
        nextHref={nextBefore ? `/admin/audit${searchString(filter, { before: nextBefore })}` : null}
      />
    </div>
  );
}
