import { exportDisputeQueueAction } from "@/lib/server/exports/disputes";
import { exportResponse } from "@/lib/server/exports/respond";
import { runRoute } from "@/lib/server/guard/run-route";

export async function GET(request: Request) {
  const search = Object.fromEntries(new URL(request.url).searchParams);
  return runRoute(exportDisputeQueueAction, search, ({ format, spec }) => exportResponse(format, spec));
}
