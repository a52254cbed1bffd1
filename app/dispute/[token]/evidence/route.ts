import { buyerUploadEvidenceAction } from "@/lib/server/disputes/evidence";
import { refuse, runRoute } from "@/lib/server/guard/run-route";
import { declaredSizeWithin, isSameOrigin } from "@/lib/server/http/request-checks";
import { MAX_UPLOAD_REQUEST_BYTES } from "@/lib/server/kyb/fields";

/** The buyer adds an evidence file through its link (multipart: kind, note, file); only to the case the link opens. */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (!declaredSizeWithin(request, MAX_UPLOAD_REQUEST_BYTES)) return refuse("kyb_document_too_large", 413);
  const form = isSameOrigin(request) ? await request.formData().catch(() => null) : null;
  const input = { token, kind: form?.get("kind") ?? undefined, note: form?.get("note") ?? undefined, file: form?.get("file") ?? undefined };
  return runRoute(buyerUploadEvidenceAction, input, (data) => Response.json(data, { status: 201 }));
}
