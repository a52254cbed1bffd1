import { refuse, runRoute } from "@/lib/server/guard/run-route";
import { isSameOrigin } from "@/lib/server/http/request-checks";
import { MAX_STATEMENT_BYTES, uploadStatementAction } from "@/lib/server/statements/upload";

/**
 * Uploads a statement file as the raw request body (?name=FILE&format=…&bank=…) and starts its import. A route
 * rather than a server action because files may be 200 MB: the body is streamed to disk (only after the guard has
 * checked the caller, and cut off past the limit), never buffered. Same-origin only.
 */
export async function POST(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_STATEMENT_BYTES) return refuse("statement_file_too_large", 413);
  if (!isSameOrigin(request)) return refuse("forbidden", 403);
  const search = new URL(request.url).searchParams;
  const input = {
    org,
    fileName: search.get("name") ?? undefined,
    format: search.get("format") || undefined,
    bank: search.get("bank") || undefined,
    body: request.body ?? undefined,
  };
  return runRoute(uploadStatementAction, input, (data) => Response.json(data, { status: 201 }));
}
