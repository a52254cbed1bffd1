import { factoryUploadEvidenceAction } from "@/lib/server/disputes/evidence";
import { runRoute } from "@/lib/server/guard/run-route";
import { readUploadFields } from "@/lib/server/http/request-checks";

/**
 * Adds an evidence file to the organization's case (multipart: kind, note, file). A route rather than a server
 * action because files may be up to 10 MB. Same-origin only; the body is read only when it announces a size within the limit.
 */
export async function POST(request: Request, { params }: { params: Promise<{ org: string; disputeId: string }> }) {
  const { org, disputeId } = await params;
  const fields = await readUploadFields(request, ["kind", "note", "file"]);
  if (fields instanceof Response) return fields;
  return runRoute(factoryUploadEvidenceAction, { org, disputeId, ...fields }, (data) => Response.json(data, { status: 201 }));
}
