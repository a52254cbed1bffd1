import { buyerDownloadEvidenceAction } from "@/lib/server/disputes/evidence";
import { runRoute } from "@/lib/server/guard/run-route";
import { documentResponse } from "@/lib/server/kyb/documents";

export async function GET(_request: Request, { params }: { params: Promise<{ token: string; evidenceId: string }> }) {
  const { token, evidenceId } = await params;
  return runRoute(buyerDownloadEvidenceAction, { token, evidenceId }, (file) => documentResponse(file));
}
