import { runRoute } from "@/lib/server/guard/run-route";
import { memberInvoicePdfAction } from "@/lib/server/invoice-pdf/downloads";
import { documentResponse } from "@/lib/server/kyb/documents";

export async function GET(_request: Request, { params }: { params: Promise<{ org: string; invoiceId: string }> }) {
  const { org, invoiceId } = await params;
  return runRoute(memberInvoicePdfAction, { org, invoiceId }, (file) => documentResponse(file));
}
