import { runRoute } from "@/lib/server/guard/run-route";
import { csvResponse } from "@/lib/server/http/csv-response";
import { downloadBatchCsvAction } from "@/lib/server/settlement/downloads";

export async function GET(_request: Request, { params }: { params: Promise<{ org: string; batchId: string }> }) {
  const { org, batchId } = await params;
  return runRoute(downloadBatchCsvAction, { org, batchId }, (file) => csvResponse(file.csv, file.name));
}
