import { refuse, runRoute } from "@/lib/server/guard/run-route";
import { declaredSizeWithin, isSameOrigin } from "@/lib/server/http/request-checks";
import { uploadInvoiceDocumentAction } from "@/lib/server/invoice-documents/documents";
import { MAX_UPLOAD_REQUEST_BYTES } from "@/lib/server/kyb/fields";

/**
 * Attaches a trade document (multipart: kind, file). A route rather than a server action because documents may be
 * up to 10 MB. Same-origin only, and the body is read only when it announces a size within the limit.
 */
export async function POST(request: Request, { params }: { params: Promise<{ org: string; invoiceId: string }> }) {
  const { org, invoiceId } = await params;
  if (!declaredSizeWithin(request, MAX_UPLOAD_REQUEST_BYTES)) return refuse("kyb_document_too_large", 413);
  const form = isSameOrigin(request) ? await request.formData().catch(() => null) : null;
  const input = { org, invoiceId, kind: form?.get("kind") ?? undefined, file: form?.get("file") ?? undefined };
  return runRoute(uploadInvoiceDocumentAction, input, (data) => Response.json(data, { status: 201 }));
}
