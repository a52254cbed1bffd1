import { runRoute } from "@/lib/server/guard/run-route";
import { downloadInvoiceDocumentAction } from "@/lib/server/invoice-documents/documents";
import { documentResponse } from "@/lib/server/kyb/documents";

export async function GET(_request: Request, { params }: { params: Promise<{ org: string; invoiceId: string; documentId: string }> }) {
  const { org, invoiceId, documentId } = await params;
  return runRoute(downloadInvoiceDocumentAction, { org, invoiceId, documentId }, (document) => documentResponse(document, "attachment"));
}
