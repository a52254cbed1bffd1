import { factoryDownloadEvidenceAction } from "@/lib/server/disputes/evidence";
import { runRoute } from "@/lib/server/guard/run-route";
import { documentResponse } from "@/lib/server/kyb/documents";

export async function GET(_request: Request, { params }: { params: Promise<{ org: string; disputeId: string; evidenceId: string }> }) {
  const { org, disputeId, evidenceId } = await params;
  return runRoute(factoryDownloadEvidenceAction, { org, disputeId, evidenceId }, (file) => documentResponse(file));
}
