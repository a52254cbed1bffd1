import { getTranslations } from "next-intl/server";
import { buttonStyles } from "@/components/ui/button";

/** The invoice as a bilingual PDF, from the guarded route. */
export async function InvoicePdfLink({ org, invoiceId }: { org: string; invoiceId: string }) {
  const t = await getTranslations("documents.pdf");
  return (
    <a href={`/o/${encodeURIComponent(org)}/invoices/${encodeURIComponent(invoiceId)}/pdf`} className={buttonStyles({ variant: "secondary" })} data-testid="invoice-pdf-link">
      {t("download")}
    </a>
  );
}
