import { exportHistoryAction } from "@/lib/server/balances/export";
import { organizationHistoryCsv } from "@/lib/server/balances/queries";
import { runRoute } from "@/lib/server/guard/run-route";
import { csvStreamResponse } from "@/lib/server/http/csv-response";

export async function GET(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const search = Object.fromEntries(new URL(request.url).searchParams);
  return runRoute(exportHistoryAction, { ...search, org }, ({ organizationId, filter }) =>
    csvStreamResponse(organizationHistoryCsv(organizationId, filter), `transactions-${org}.csv`),
  );
}
