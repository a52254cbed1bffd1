import { runRoute } from "@/lib/server/guard/run-route";
import { uploadDocumentAction } from "@/lib/server/kyb/documents";

/**
 * Uploads a KYB document (multipart: kind, file). A route rather than a server action because documents may be up to
 * 10 MB; the guard checks the caller, the use case checks the content. Same-origin only: a cross-site form gets no
 * file through (and so a refusal), never an upload in a signed-in user's name.
 */
export async function POST(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const origin = request.headers.get("origin");
  const sameOrigin = !origin || new URL(origin).host === request.headers.get("host");
  const form = sameOrigin ? await request.formData().catch(() => null) : null;
  const input = { org, kind: form?.get("kind") ?? undefined, file: form?.get("file") ?? undefined };
  return runRoute(uploadDocumentAction, input, (data) => Response.json(data, { status: 201 }));
}
