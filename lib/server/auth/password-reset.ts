import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { authTokens, sessions, users } from "@/db/schema";
import { sendTemplate } from "../email/templates";
import { defineAction } from "../guard/define-action";
import { consumeToken } from "./consume-token";
import { consumeRateLimits, publicEmailLimits } from "./rate-limit";
import { acceptNewPassword } from "./new-password";
import { emailField, passwordField, tokenField } from "./schemas";
import { appUrl, newLinkToken } from "./tokens";

export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;

/** Emails a one-hour reset link; answers the same whether or not the address is known. */
export const requestPasswordResetAction = defineAction({
  name: "auth.requestPasswordReset",
  access: { kind: "public" },
  input: z.object({ email: emailField }),
  async handler(ctx, input) {
    await consumeRateLimits(ctx.tx, publicEmailLimits("reset", input.email, ctx.request.ip));
    const [user] = await ctx.tx.select().from(users).where(sql`lower(${users.email}) = ${input.email}`);
    if (user) {
      const { token, tokenHash } = newLinkToken();
      await ctx.tx.insert(authTokens).values({
        purpose: "reset_password",
        tokenHash,
        userId: user.id,
        expiresAt: new Date(Date.now() + PASSWORD_RESET_TTL_MS),
      });
      await sendTemplate(ctx.tx, user.email, user.locale, "resetPassword", {
        name: user.name,
        url: appUrl(`/reset-password?token=${token}`),
      });
    }
    ctx.audit(user ? `user:${user.id}` : null, { email: input.email });
    return { email: input.email };
  },
});

/** Sets the new password, lifts a lockout, and signs the account out everywhere. */
export const resetPasswordAction = defineAction({
  name: "auth.resetPassword",
  access: { kind: "public" },
  input: z.object({ token: tokenField, password: passwordField }),
  async handler(ctx, input) {
    const passwordHash = await acceptNewPassword(input.password);
    const token = await consumeToken(ctx.tx, "reset_password", input.token);
    const userId = token.userId!;
    await ctx.tx.update(users).set({ passwordHash, failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));
    await ctx.tx
      .update(sessions)
      .set({ revokedAt: new Date() })
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
    await ctx.tx
      .update(authTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(authTokens.userId, userId), eq(authTokens.purpose, "reset_password"), isNull(authTokens.usedAt)));
    ctx.audit(`user:${userId}`, {});
    return { done: true };
  },
});
