import { staffDownloadEvidenceAction } from "@/lib/server/disputes/evidence";
import { runRoute } from "@/lib/server/guard/run-route";
import { documentResponse } from "@/lib/server/kyb/documents";

export async function GET(_request: Request, { params }: { params: Promise<{ disputeId: string; evidenceId: string }> }) {
  const { disputeId, evidenceId } = await params;
  return runRoute(staffDownloadEvidenceAction, { disputeId, evidenceId }, (file) => documentResponse(file));
}
