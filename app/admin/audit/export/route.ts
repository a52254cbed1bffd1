import { exportPlatformAuditAction } from "@/lib/server/audit/export";
import { exportResponse } from "@/lib/server/exports/respond";
import { runRoute } from "@/lib/server/guard/run-route";

export async function GET(request: Request) {
  const search = Object.fromEntries(new URL(request.url).searchParams);
  return runRoute(exportPlatformAuditAction, search, ({ format, spec }) => exportResponse(format, spec));
}
