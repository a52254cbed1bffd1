import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { DisplayStatus } from "@/lib/domain/invoices";
import { STATUS_TONE } from "./display";

export async function InvoiceStatusBadge({ status }: { status: DisplayStatus }) {
  const t = await getTranslations("invoices.status");
  return (
    <Badge tone={STATUS_TONE[status]} dot data-testid="invoice-status">
      {t(status)}
    </Badge>
  );
}
