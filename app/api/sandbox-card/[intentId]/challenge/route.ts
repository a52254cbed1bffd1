import { isSameOrigin } from "@/lib/server/http/request-checks";
import { refuse, runRoute } from "@/lib/server/guard/run-route";
import { completeSandboxChallengeAction } from "@/lib/server/sandbox-card/confirm";

/** The sandbox processor's 3-D Secure answer: the code the pretend issuer sent, or a failed authentication. */
export async function POST(request: Request, { params }: { params: Promise<{ intentId: string }> }) {
  if (!isSameOrigin(request)) return refuse("forbidden", 403);
  const { intentId } = await params;
  const answer = (await request.json().catch(() => null)) as Record<string, unknown> | null;
  return runRoute(completeSandboxChallengeAction, { ...answer, intentId }, (data) => Response.json(data));
}
