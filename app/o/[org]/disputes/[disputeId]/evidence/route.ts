import { factoryUploadEvidenceAction } from "@/lib/server/disputes/evidence";
import { refuse, runRoute } from "@/lib/server/guard/run-route";
import { declaredSizeWithin, isSameOrigin } from "@/lib/server/http/request-checks";
import { MAX_UPLOAD_REQUEST_BYTES } from "@/lib/server/kyb/fields";

/**
 * Adds an evidence file to the organization's case (multipart: kind, note, file). A route rather than a server
 * action because files may be up to 10 MB. Same-origin only; the body is read only when it announces a size within the limit.
 */
export async function POST(request: Request, { params }: { params: Promise<{ org: string; disputeId: string }> }) {
  const { org, disputeId } = await params;
  if (!declaredSizeWithin(request, MAX_UPLOAD_REQUEST_BYTES)) return refuse("kyb_document_too_large", 413);
  const form = isSameOrigin(request) ? await request.formData().catch(() => null) : null;
  const input = { org, disputeId, kind: form?.get("kind") ?? undefined, note: form?.get("note") ?? undefined, file: form?.get("file") ?? undefined };
  return runRoute(factoryUploadEvidenceAction, input, (data) => Response.json(data, { status: 201 }));
}
