import { runRoute } from "@/lib/server/guard/run-route";
import { documentResponse, downloadOwnDocumentAction } from "@/lib/server/kyb/documents";

export async function GET(_request: Request, { params }: { params: Promise<{ org: string; documentId: string }> }) {
  const { org, documentId } = await params;
  return runRoute(downloadOwnDocumentAction, { org, documentId }, (document) => documentResponse(document));
}
