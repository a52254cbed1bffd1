import { and, eq, isNull, ne } from "drizzle-orm";
import { z } from "zod";
import { sessions, users } from "@/db/schema";
import { acceptNewPassword } from "../auth/new-password";
import { verifyPassword } from "../auth/password";
import { passwordField } from "../auth/schemas";
import { assertNotLocked, refuseAfterFailure } from "../auth/signed-in-failure";
import { ActionError } from "../guard/action-error";
import { defineAction } from "../guard/define-action";

export const signOutEverywhereAction = defineAction({
  name: "account.signOutEverywhere",
  access: { kind: "user" },
  input: z.object({}),
  async handler(ctx) {
    const revoked = await ctx.tx
      .update(sessions)
      .set({ revokedAt: new Date() })
      .where(and(eq(sessions.userId, ctx.auth.user.id), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id });
    ctx.audit(`user:${ctx.auth.user.id}`, { sessions: revoked.length });
    return { revoked: revoked.length };
  },
});

export const revokeSessionAction = defineAction({
  name: "account.revokeSession",
  access: { kind: "user" },
  input: z.object({ sessionId: z.uuid() }),
  async handler(ctx, input) {
    const revoked = await ctx.tx
      .update(sessions)
      .set({ revokedAt: new Date() })
      .where(and(eq(sessions.id, input.sessionId), eq(sessions.userId, ctx.auth.user.id), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id });
    if (revoked.length === 0) throw new ActionError("not_found");
    ctx.audit(`session:${input.sessionId}`, {});
    return { revoked: 1 };
  },
});

/** Needs the current password; every other session is signed out. */
export const changePasswordAction = defineAction({
  name: "account.changePassword",
  access: { kind: "user" },
  input: z.object({ currentPassword: passwordField, newPassword: passwordField }),
  async handler(ctx, input) {
    assertNotLocked(ctx);
    if (!(await verifyPassword(ctx.auth.user.passwordHash, input.currentPassword))) {
      refuseAfterFailure(ctx, "bad_password", "current_password_wrong");
    }
    const passwordHash = await acceptNewPassword(input.newPassword);
    await ctx.tx.update(users).set({ passwordHash }).where(eq(users.id, ctx.auth.user.id));
    await ctx.tx
      .update(sessions)
      .set({ revokedAt: new Date() })
      .where(and(eq(sessions.userId, ctx.auth.user.id), isNull(sessions.revokedAt), ne(sessions.id, ctx.auth.session.id)));
    ctx.audit(`user:${ctx.auth.user.id}`, {});
    return { done: true };
  },
});
