import { exportOrganizationAuditAction } from "@/lib/server/audit/export";
import { runRoute } from "@/lib/server/guard/run-route";
import { csvResponse } from "@/lib/server/http/csv-response";

export async function GET(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const search = Object.fromEntries(new URL(request.url).searchParams);
  return runRoute(exportOrganizationAuditAction, { ...search, org }, (csv) => csvResponse(csv, `audit-${org}.csv`));
}
