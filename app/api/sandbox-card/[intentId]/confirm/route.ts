import { isSameOrigin } from "@/lib/server/http/request-checks";
import { refuse, runRoute } from "@/lib/server/guard/run-route";
import { confirmSandboxCardAction } from "@/lib/server/sandbox-card/confirm";

/** The sandbox processor's own endpoint for its card form: the card is checked here and never reaches Quayside. */
export async function POST(request: Request, { params }: { params: Promise<{ intentId: string }> }) {
  if (!isSameOrigin(request)) return refuse("forbidden", 403);
  const { intentId } = await params;
  const form = (await request.json().catch(() => null)) as Record<string, unknown> | null;
  return runRoute(confirmSandboxCardAction, { ...form, intentId }, (data) => Response.json(data));
}
