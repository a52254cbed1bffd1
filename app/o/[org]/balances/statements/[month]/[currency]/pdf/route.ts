import { downloadStatementPdfAction } from "@/lib/server/account-statements/downloads";
import { runRoute } from "@/lib/server/guard/run-route";
import { documentResponse } from "@/lib/server/kyb/documents";

export async function GET(_request: Request, { params }: { params: Promise<{ org: string; month: string; currency: string }> }) {
  const { org, month, currency } = await params;
  return runRoute(downloadStatementPdfAction, { org, month, currency }, (file) => documentResponse(file, "attachment"));
}
