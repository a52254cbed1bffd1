import { buyerUploadEvidenceAction } from "@/lib/server/disputes/evidence";
import { runRoute } from "@/lib/server/guard/run-route";
import { readUploadFields } from "@/lib/server/http/request-checks";

/** The buyer adds an evidence file through its link (multipart: kind, note, file); only to the case the link opens. */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const fields = await readUploadFields(request, ["kind", "note", "file"]);
  if (fields instanceof Response) return fields;
  return runRoute(buyerUploadEvidenceAction, { token, ...fields }, (data) => Response.json(data, { status: 201 }));
}
