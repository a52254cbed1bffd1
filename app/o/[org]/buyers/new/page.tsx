import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BuyerForm } from "@/components/buyers/buyer-form";
import { NEW_BUYER_VALUES } from "@/components/buyers/buyer-form-values";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrgMember } from "@/lib/server/auth/viewer";
import { countryOptions } from "@/lib/server/buyers/countries";
import { MONEY_ROLES } from "@/lib/server/guard/access";

export default async function NewBuyerPage({ params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const { membership } = await requireOrgMember(org);
  if (!MONEY_ROLES.includes(membership.role)) notFound();
  const t = await getTranslations("invoices.buyers");
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={
          <Link href={`/o/${org}/buyers`} className="hover:underline">
            {t("detail.back")}
          </Link>
        }
        title={t("newTitle")}
      />
      <BuyerForm org={org} countries={countryOptions(await getLocale())} values={NEW_BUYER_VALUES} />
    </div>
  );
}
