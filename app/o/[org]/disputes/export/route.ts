import { exportOrganizationDisputesAction } from "@/lib/server/exports/disputes";
import { exportResponse } from "@/lib/server/exports/respond";
import { runRoute } from "@/lib/server/guard/run-route";

export async function GET(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const search = Object.fromEntries(new URL(request.url).searchParams);
  return runRoute(exportOrganizationDisputesAction, { ...search, org }, ({ format, spec }) => exportResponse(format, spec));
}
