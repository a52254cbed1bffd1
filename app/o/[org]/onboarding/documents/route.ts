import { refuse, runRoute } from "@/lib/server/guard/run-route";
import { declaredSizeWithin, isSameOrigin } from "@/lib/server/http/request-checks";
import { uploadDocumentAction } from "@/lib/server/kyb/documents";
import { MAX_UPLOAD_REQUEST_BYTES } from "@/lib/server/kyb/fields";

/**
 * Uploads a KYB document (multipart: kind, file). A route rather than a server action because documents may be up to
 * 10 MB; the guard checks the caller, the use case checks the content. Same-origin only: a cross-site form gets no
 * file through (and so a refusal), never an upload in a signed-in user's name.
 */
export async function POST(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  // The body is only read when it is same-origin and announces a size within the limit, so nobody can make the
  // server buffer an arbitrary upload before the guard has run.
  if (!declaredSizeWithin(request, MAX_UPLOAD_REQUEST_BYTES)) return refuse("kyb_document_too_large", 413);
  const form = isSameOrigin(request) ? await request.formData().catch(() => null) : null;
  const input = { org, kind: form?.get("kind") ?? undefined, file: form?.get("file") ?? undefined };
  return runRoute(uploadDocumentAction, input, (data) => Response.json(data, { status: 201 }));
}
