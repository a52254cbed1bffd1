import { conversionsCsv, exportConversionsAction } from "@/lib/server/fx/history";
import { runRoute } from "@/lib/server/guard/run-route";
import { csvStreamResponse } from "@/lib/server/http/csv-response";

export async function GET(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const search = Object.fromEntries(new URL(request.url).searchParams);
  return runRoute(exportConversionsAction, { ...search, org }, ({ organizationId, filter }) =>
    csvStreamResponse(conversionsCsv(organizationId, filter), `conversions-${org}.csv`),
  );
}
