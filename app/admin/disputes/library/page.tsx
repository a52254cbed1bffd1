import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { AdminDisputeSections } from "@/components/disputes/admin-sections";
import { LibraryFilters } from "@/components/disputes/filters";
import { STAFF_TIME_ZONE } from "@/components/disputes/format";
import { LibraryTable } from "@/components/disputes/library-table";
import { buttonStyles } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import type { Locale } from "@/i18n/catalog";
import { librarySearchSchema } from "@/lib/domain/disputes/list-search";
import { parseSearch, searchString } from "@/lib/domain/lists/search-params";
import { requireStaff } from "@/lib/server/auth/viewer";
import { DISPUTE_STAFF } from "@/lib/server/disputes/access";
import { caseLibrary } from "@/lib/server/disputes/library";

export const dynamic = "force-dynamic";

export default async function DisputeLibraryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { role } = await requireStaff(DISPUTE_STAFF);
  const search = parseSearch(librarySearchSchema, await searchParams);
  const [t, locale] = await Promise.all([getTranslations("disputes"), getLocale() as Promise<Locale>]);
  const library = await caseLibrary(
    { q: search.q || undefined, category: search.category || undefined, rootCause: search.rootCause || undefined, outcome: search.outcome || undefined },
    search.page ? Number(search.page) : 1,
  );
  const pages = Math.max(1, Math.ceil(library.total / library.pageSize));
  const pageHref = (page: number) => `/admin/disputes/library${searchString(search, { page: page === 1 ? "" : String(page) })}`;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("admin.library.title")} description={t("admin.library.description")} />
      <AdminDisputeSections current="library" role={role} />
      <Card>
        <div className="border-b border-slate-200 px-6 py-4">
          <LibraryFilters search={search} />
        </div>
        <p className="px-6 pt-3 text-sm text-slate-600" role="status" data-testid="library-total">
          {t("admin.library.results", { total: library.total })}
        </p>
        <LibraryTable rows={library.rows} locale={locale} timeZone={STAFF_TIME_ZONE} />
      </Card>
      {pages > 1 ? (
        <nav aria-label={t("admin.library.pages")} className="flex gap-2">
          {library.page > 1 ? (
            <Link href={pageHref(library.page - 1)} className={buttonStyles({ variant: "secondary", size: "sm" })}>
              {t("admin.library.previous")}
            </Link>
          ) : null}
          {library.page < pages ? (
            <Link href={pageHref(library.page + 1)} className={buttonStyles({ variant: "secondary", size: "sm" })}>
              {t("admin.library.next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
