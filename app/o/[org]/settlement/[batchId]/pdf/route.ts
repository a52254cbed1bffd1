import { runRoute } from "@/lib/server/guard/run-route";
import { documentResponse } from "@/lib/server/kyb/documents";
import { downloadBatchPdfAction } from "@/lib/server/settlement/downloads";

export async function GET(_request: Request, { params }: { params: Promise<{ org: string; batchId: string }> }) {
  const { org, batchId } = await params;
  return runRoute(downloadBatchPdfAction, { org, batchId }, (file) => documentResponse(file, "attachment"));
}
