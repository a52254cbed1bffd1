import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { editorBuyers, newEditorValues } from "@/components/invoices/editor-values";
import { InvoiceEditor } from "@/components/invoices/invoice-editor";
import { PageHeader } from "@/components/ui/page-header";
import { localDateOf } from "@/lib/domain/time/local-day";
import { requireOrgMember } from "@/lib/server/auth/viewer";
import { buyerOptions } from "@/lib/server/buyers/queries";
import { MONEY_ROLES } from "@/lib/server/guard/access";

export default async function NewInvoicePage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { org } = await params;
  const { buyer: chosen } = await searchParams;
  const { organization, membership } = await requireOrgMember(org);
  if (!MONEY_ROLES.includes(membership.role)) notFound();
  const t = await getTranslations("invoices");
  const buyers = await buyerOptions(organization.id);
  const buyer = buyers.find((b) => b.id === chosen);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        eyebrow={
          <Link href={`/o/${org}/invoices`} className="hover:underline">
            {t("detail.back")}
          </Link>
        }
        title={t("editor.newTitle")}
        description={t("editor.newDescription")}
      />
      <InvoiceEditor org={org} buyers={editorBuyers(buyers)} values={newEditorValues(buyer, localDateOf(new Date(), organization.timezone))} />
    </div>
  );
}
