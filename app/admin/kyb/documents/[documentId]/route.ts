import { runRoute } from "@/lib/server/guard/run-route";
import { documentResponse, reviewerDownloadDocumentAction } from "@/lib/server/kyb/documents";

export async function GET(_request: Request, { params }: { params: Promise<{ documentId: string }> }) {
  const { documentId } = await params;
  return runRoute(reviewerDownloadDocumentAction, { documentId }, (document) => documentResponse(document));
}
