import { runRoute } from "@/lib/server/guard/run-route";
import { readUploadFields } from "@/lib/server/http/request-checks";
import { uploadInvoiceDocumentAction } from "@/lib/server/invoice-documents/documents";

/**
 * Attaches a trade document (multipart: kind, file). A route rather than a server action because documents may be
 * up to 10 MB. Same-origin only, and the body is read only when it announces a size within the limit.
 */
export async function POST(request: Request, { params }: { params: Promise<{ org: string; invoiceId: string }> }) {
  const { org, invoiceId } = await params;
  const fields = await readUploadFields(request, ["kind", "file"]);
  if (fields instanceof Response) return fields;
  return runRoute(uploadInvoiceDocumentAction, { org, invoiceId, ...fields }, (data) => Response.json(data, { status: 201 }));
}
