import { db } from "@/db/client";
import { loginEvents } from "@/db/schema";
import { ActionError } from "../guard/action-error";
import type { SignedInContext } from "../guard/define-action";
import { ACCOUNT_LOCK_AFTER, recordFailure } from "./throttle";

/** A locked account (too many wrong passwords or codes) may not check a second factor or a password either. */
export function assertNotLocked(ctx: SignedInContext): void {
  if (ctx.auth.user.lockedUntil && ctx.auth.user.lockedUntil > new Date()) throw new ActionError("account_locked");
}

/**
 * A wrong code or password typed inside a session counts like one at sign-in, so that a stolen session cannot
 * guess its way through step-up. It is written once the refusal has rolled the action's transaction back.
 */
export function refuseAfterFailure(ctx: SignedInContext, reason: string, code: string): never {
  const { user } = ctx.auth;
  ctx.afterRollback(async () => {
    await db().transaction(async (tx) => {
      await recordFailure(tx, user.id, ctx.request.ip);
      await tx.insert(loginEvents).values({
        userId: user.id,
        email: user.email,
        ip: ctx.request.ip,
        userAgent: ctx.request.userAgent,
        success: false,
        reason,
      });
    });
  });
  // The failure being recorded now is the one that locks the account.
  throw new ActionError(user.failedLogins + 1 >= ACCOUNT_LOCK_AFTER ? "account_locked" : code);
}
