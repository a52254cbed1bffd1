import { SIGNATURE_HEADER } from "@/lib/domain/webhooks";
import { MAX_WEBHOOK_BODY_BYTES, receiveCardWebhookAction } from "@/lib/server/card-payments/webhook";
import { refuse, runRoute } from "@/lib/server/guard/run-route";

export const dynamic = "force-dynamic";

/** The card processor's signed webhooks (no session: the signature is the authentication). */
export async function POST(request: Request) {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_WEBHOOK_BODY_BYTES) return refuse("invalid_input", 413);
  const body = await request.text();
  return runRoute(receiveCardWebhookAction, { body, signature: request.headers.get(SIGNATURE_HEADER) }, (answer) =>
    Response.json(answer.body, { status: answer.status }),
  );
}
