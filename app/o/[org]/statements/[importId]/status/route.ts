import { runRoute } from "@/lib/server/guard/run-route";
import { importStatusAction } from "@/lib/server/statements/queries";

/** The import's progress and counts, polled by the upload form's progress bar. */
export async function GET(_request: Request, { params }: { params: Promise<{ org: string; importId: string }> }) {
  const { org, importId } = await params;
  return runRoute(importStatusAction, { org, importId }, (data) => Response.json(data, { headers: { "cache-control": "no-store" } }));
}
