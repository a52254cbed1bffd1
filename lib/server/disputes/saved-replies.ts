import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { db, type Executor } from "@/db/client";
import { disputeSavedReplies } from "@/db/schema";
import { ActionError } from "../guard/action-error";
import { defineAction } from "../guard/define-action";
import { postgresError } from "../ledger/database-error";
import { DISPUTE_STAFF } from "./access";
import { MAX_MESSAGE_LENGTH } from "./messages";

/** The agents' shared replies, by title. */
export function listSavedReplies(executor: Executor = db()) {
  return executor
    .select({ id: disputeSavedReplies.id, title: disputeSavedReplies.title, body: disputeSavedReplies.body, updatedAt: disputeSavedReplies.updatedAt })
    .from(disputeSavedReplies)
    .orderBy(asc(disputeSavedReplies.title));
}

const reply = { title: z.string().trim().min(1, "validation.required").max(120), body: z.string().trim().min(1, "validation.required").max(MAX_MESSAGE_LENGTH) };

/** Runs a write whose titles are unique regardless of case, answering a clash with its own code. */
async function uniqueTitle<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (postgresError(error)?.code === "23505") throw new ActionError("dispute_saved_reply_exists");
    throw error;
  }
}

export const createSavedReplyAction = defineAction({
  name: "disputes.createSavedReply",
  access: { kind: "staff", roles: DISPUTE_STAFF },
  input: z.object(reply),
  async handler(ctx, input) {
    const [row] = await uniqueTitle(() =>
      ctx.tx
        .insert(disputeSavedReplies)
        .values({ title: input.title, body: input.body, createdBy: ctx.auth.user.id, updatedBy: ctx.auth.user.id })
        .returning({ id: disputeSavedReplies.id }),
    );
    ctx.audit(`dispute-saved-reply:${row!.id}`, { title: input.title });
    return { id: row!.id };
  },
});

export const updateSavedReplyAction = defineAction({
  name: "disputes.updateSavedReply",
  access: { kind: "staff", roles: DISPUTE_STAFF },
  input: z.object({ id: z.uuid(), ...reply }),
  async handler(ctx, input) {
    const [row] = await uniqueTitle(() =>
      ctx.tx
        .update(disputeSavedReplies)
        .set({ title: input.title, body: input.body, updatedBy: ctx.auth.user.id, updatedAt: new Date() })
        .where(eq(disputeSavedReplies.id, input.id))
        .returning({ id: disputeSavedReplies.id }),
    );
    if (!row) throw new ActionError("not_found");
    ctx.audit(`dispute-saved-reply:${row.id}`, { title: input.title });
    return { id: row.id };
  },
});

export const deleteSavedReplyAction = defineAction({
  name: "disputes.deleteSavedReply",
  access: { kind: "staff", roles: DISPUTE_STAFF },
  input: z.object({ id: z.uuid() }),
  async handler(ctx, input) {
    const [row] = await ctx.tx.delete(disputeSavedReplies).where(eq(disputeSavedReplies.id, input.id)).returning({ id: disputeSavedReplies.id, title: disputeSavedReplies.title });
    if (!row) throw new ActionError("not_found");
    ctx.audit(`dispute-saved-reply:${row.id}`, { title: row.title });
    return { id: row.id };
  },
});
