import { runRoute } from "@/lib/server/guard/run-route";
import { readUploadFields } from "@/lib/server/http/request-checks";
import { uploadDocumentAction } from "@/lib/server/kyb/documents";

/**
 * Uploads a KYB document (multipart: kind, file). A route rather than a server action because documents may be up to
 * 10 MB; the guard checks the caller, the use case checks the content. Same-origin only: a cross-site form gets no
 * file through (and so a refusal), never an upload in a signed-in user's name.
 */
export async function POST(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const fields = await readUploadFields(request, ["kind", "file"]);
  if (fields instanceof Response) return fields;
  return runRoute(uploadDocumentAction, { org, ...fields }, (data) => Response.json(data, { status: 201 }));
}
