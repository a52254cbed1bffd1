import { downloadStatementCsvAction } from "@/lib/server/account-statements/downloads";
import { runRoute } from "@/lib/server/guard/run-route";
import { csvResponse } from "@/lib/server/http/csv-response";

export async function GET(_request: Request, { params }: { params: Promise<{ org: string; month: string; currency: string }> }) {
  const { org, month, currency } = await params;
  return runRoute(downloadStatementCsvAction, { org, month, currency }, (file) => csvResponse(file.csv, file.name));
}
