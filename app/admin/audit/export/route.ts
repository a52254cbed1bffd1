import { exportPlatformAuditAction } from "@/lib/server/audit/export";
import { runRoute } from "@/lib/server/guard/run-route";
import { csvResponse } from "@/lib/server/http/csv-response";

export async function GET(request: Request) {
  const search = Object.fromEntries(new URL(request.url).searchParams);
  return runRoute(exportPlatformAuditAction, search, (csv) => csvResponse(csv, "audit-platform.csv"));
}
