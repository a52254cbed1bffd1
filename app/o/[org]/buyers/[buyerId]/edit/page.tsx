import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BuyerForm } from "@/components/buyers/buyer-form";
import { buyerFormValues } from "@/components/buyers/buyer-form-values";
import { PageHeader } from "@/components/ui/page-header";
import { requireOrgMember } from "@/lib/server/auth/viewer";
import { countryOptions } from "@/lib/server/buyers/countries";
import { organizationBuyer } from "@/lib/server/buyers/queries";
import { MONEY_ROLES } from "@/lib/server/guard/access";

export default async function EditBuyerPage({ params }: { params: Promise<{ org: string; buyerId: string }> }) {
  const { org, buyerId } = await params;
  const { organization, membership } = await requireOrgMember(org);
  if (!MONEY_ROLES.includes(membership.role)) notFound();
  const buyer = await organizationBuyer(organization.id, buyerId);
  if (!buyer) notFound();
  const t = await getTranslations("invoices.buyers");
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={
          <Link href={`/o/${org}/buyers/${buyerId}`} className="hover:underline">
            {buyer.name}
          </Link>
        }
        title={t("editTitle")}
      />
      <BuyerForm org={org} buyerId={buyerId} countries={countryOptions(await getLocale())} values={buyerFormValues(buyer)} />
    </div>
  );
}
