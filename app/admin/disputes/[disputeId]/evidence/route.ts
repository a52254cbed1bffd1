import { agentUploadEvidenceAction } from "@/lib/server/disputes/evidence";
import { refuse, runRoute } from "@/lib/server/guard/run-route";
import { declaredSizeWithin, isSameOrigin } from "@/lib/server/http/request-checks";
import { MAX_UPLOAD_REQUEST_BYTES } from "@/lib/server/kyb/fields";

/** An agent adds an evidence file to a case (multipart: kind, note, file); same checks as the factory's upload. */
export async function POST(request: Request, { params }: { params: Promise<{ disputeId: string }> }) {
  const { disputeId } = await params;
  if (!declaredSizeWithin(request, MAX_UPLOAD_REQUEST_BYTES)) return refuse("kyb_document_too_large", 413);
  const form = isSameOrigin(request) ? await request.formData().catch(() => null) : null;
  const input = { disputeId, kind: form?.get("kind") ?? undefined, note: form?.get("note") ?? undefined, file: form?.get("file") ?? undefined };
  return runRoute(agentUploadEvidenceAction, input, (data) => Response.json(data, { status: 201 }));
}
