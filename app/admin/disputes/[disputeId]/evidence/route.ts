import { agentUploadEvidenceAction } from "@/lib/server/disputes/evidence";
import { runRoute } from "@/lib/server/guard/run-route";
import { readUploadFields } from "@/lib/server/http/request-checks";

/** An agent adds an evidence file to a case (multipart: kind, note, file); same checks as the factory's upload. */
export async function POST(request: Request, { params }: { params: Promise<{ disputeId: string }> }) {
  const { disputeId } = await params;
  const fields = await readUploadFields(request, ["kind", "note", "file"]);
  if (fields instanceof Response) return fields;
  return runRoute(agentUploadEvidenceAction, { disputeId, ...fields }, (data) => Response.json(data, { status: 201 }));
}
