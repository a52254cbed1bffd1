import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonStyles } from "@/components/ui/button";

/** Keyset paging: back to the first page once past it, and on to the next page while there is one. */
export async function Pager({ firstHref, nextHref }: { firstHref: string | null; nextHref: string | null }) {
  if (!firstHref && !nextHref) return null;
  const t = await getTranslations("dashboard.lists");
  const common = await getTranslations("common");
  return (
    <nav aria-label={common("pagination.label")} className="flex flex-wrap gap-2">
      {firstHref ? (
        <Link href={firstHref} className={buttonStyles({ variant: "secondary" })}>
          {t("first")}
        </Link>
      ) : null}
      {nextHref ? (
        <Link href={nextHref} className={buttonStyles({ variant: "secondary" })} data-testid="next-page">
          {t("next")}
        </Link>
      ) : null}
    </nav>
  );
}
