import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Transaction } from "@/db/client";
import { disputeMessages, disputes } from "@/db/schema";
import { isFinal, isUndecided, type DisputeStatus } from "@/lib/domain/disputes";
import { now } from "../clock";
import { MONEY_ROLES } from "../guard/access";
import { ActionError } from "../guard/action-error";
import { defineAction } from "../guard/define-action";
import { DISPUTE_STAFF } from "./access";
import { lockDispute, lockOrganizationDispute, nextStatus, recordEvent, timersAfter, updateDispute, type CaseActor, type Dispute } from "./case";

export const MAX_MESSAGE_LENGTH = 4000;
export const messageBody = z.string().trim().min(1, "validation.required").max(MAX_MESSAGE_LENGTH);

/** The party a case waits on, when it waits on one. */
const WAITING_ON: Partial<Record<DisputeStatus, CaseActor["kind"]>> = { awaiting_factory: "factory", awaiting_buyer: "buyer" };

/**
 * Adds a message to the thread. The factory and the buyer write while the case is undecided; an answer from the
 * party the case waits on puts it back in progress. An agent's first message is the case's first response; an agent
 * may ask a party (`waitFor`), which sets the case waiting on it.
 */
export async function postMessage(
  tx: Transaction,
  dispute: Dispute,
  actor: CaseActor,
  body: string,
  options: { waitFor?: "factory" | "buyer"; at?: Date } = {},
): Promise<{ messageId: string; dispute: Dispute }> {
  if (isFinal(dispute.status)) throw new ActionError("dispute_case_final");
  if (actor.kind !== "agent" && !isUndecided(dispute.status)) throw new ActionError("dispute_case_decided");
  const at = options.at ?? (await now(tx));
  const [message] = await tx
    .insert(disputeMessages)
    .values({ disputeId: dispute.id, organizationId: dispute.organizationId, authorKind: actor.kind, authorUserId: actor.userId, body, at })
    .returning({ id: disputeMessages.id });
  await recordEvent(tx, dispute, { kind: "message", actor, at, details: { messageId: message!.id } });

  let status = dispute.status;
  if (WAITING_ON[status] === actor.kind) status = nextStatus(status, "answer", { now: at });
  if (options.waitFor) status = nextStatus(status, options.waitFor === "factory" ? "request_factory" : "request_buyer", { now: at });
  const firstResponse = actor.kind === "agent" && dispute.firstResponseAt === null ? at : null;
  let updated = dispute;
  if (status !== dispute.status || firstResponse) {
    updated = await updateDispute(
      tx,
      dispute.id,
      { status, ...(firstResponse ? { firstResponseAt: firstResponse, ...timersAfter(dispute, { firstResponseAt: firstResponse }) } : {}) },
      at,
    );
    if (status !== dispute.status) await recordEvent(tx, dispute, { kind: "status", actor, at, fromStatus: dispute.status, toStatus: status });
  }
  return { messageId: message!.id, dispute: updated };
}

/** A factory owner or finance member writes to the case's thread. */
export const factoryMessageAction = defineAction({
  name: "disputes.factoryMessage",
  access: { kind: "org", roles: MONEY_ROLES },
  input: z.object({ org: z.string(), disputeId: z.uuid(), body: messageBody }),
  async handler(ctx, input) {
    const dispute = await lockOrganizationDispute(ctx.tx, ctx.organization.id, input.disputeId);
    const { messageId, dispute: updated } = await postMessage(ctx.tx, dispute, { kind: "factory", userId: ctx.auth.user.id }, input.body);
    ctx.audit(`dispute:${dispute.id}`, { number: dispute.number, messageId, length: input.body.length });
    return { messageId, status: updated.status };
  },
});

/** An agent (or admin) writes to the thread, optionally asking the factory or the buyer and waiting on them. */
export const agentMessageAction = defineAction({
  name: "disputes.agentMessage",
  access: { kind: "staff", roles: DISPUTE_STAFF },
  input: z.object({ disputeId: z.uuid(), body: messageBody, waitFor: z.enum(["factory", "buyer"]).optional().or(z.literal("").transform(() => undefined)) }),
  async handler(ctx, input) {
    const dispute = await lockDispute(ctx.tx, eq(disputes.id, input.disputeId));
    const { messageId, dispute: updated } = await postMessage(ctx.tx, dispute, { kind: "agent", userId: ctx.auth.user.id }, input.body, { waitFor: input.waitFor });
    ctx.audit(`dispute:${dispute.id}`, { number: dispute.number, messageId, waitFor: input.waitFor ?? null, length: input.body.length }, dispute.organizationId);
    return { messageId, status: updated.status };
  },
});
