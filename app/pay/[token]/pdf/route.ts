import { runRoute } from "@/lib/server/guard/run-route";
import { payLinkInvoicePdfAction } from "@/lib/server/invoice-pdf/downloads";
import { documentResponse } from "@/lib/server/kyb/documents";

/** The invoice PDF for whoever holds the pay link; unknown tokens, drafts and void invoices answer 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return runRoute(payLinkInvoicePdfAction, { token }, (file) => documentResponse(file));
}
