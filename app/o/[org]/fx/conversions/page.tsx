import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ConversionFilters } from "@/components/fx/conversion-filters";
import { ConversionTable } from "@/components/fx/conversion-table";
import { buttonStyles } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { parseSearch, searchString } from "@/lib/domain/lists/search-params";
import { requireOrgMember } from "@/lib/server/auth/viewer";
import { conversionSearchSchema, listConversions, toConversionFilter } from "@/lib/server/fx/history";
import { loadRateBook } from "@/lib/server/fx/rates";

export default async function ConversionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { org } = await params;
  const { organization } = await requireOrgMember(org);
  const search = parseSearch(conversionSearchSchema, await searchParams);
  const t = await getTranslations("fx.history");
  const [page, book] = await Promise.all([listConversions(organization.id, toConversionFilter(search), search.after || undefined), loadRateBook()]);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <div className="border-b border-slate-200 px-6 py-4">
          <ConversionFilters search={search} currencies={book.currencies()} exportHref={`/o/${org}/fx/conversions/export${searchString(search, { after: "" })}`} />
        </div>
        <ConversionTable rows={page.rows} timeZone={organization.timezone} caption={t("title")} />
      </Card>
      {page.nextCursor ? (
        <Link href={`/o/${org}/fx/conversions${searchString(search, { after: page.nextCursor })}`} className={buttonStyles({ variant: "secondary" })}>
          {t("older")}
        </Link>
      ) : null}
    </div>
  );
}
