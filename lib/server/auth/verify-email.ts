import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import { defineAction } from "../guard/define-action";
import { consumeToken } from "./consume-token";
import { consumeRateLimits, publicEmailLimits } from "./rate-limit";
import { emailField, tokenField } from "./schemas";
import { sendVerificationEmail } from "./sign-up";

export const verifyEmailAction = defineAction({
  name: "auth.verifyEmail",
  access: { kind: "public" },
  input: z.object({ token: tokenField }),
  async handler(ctx, input) {
    const token = await consumeToken(ctx.tx, "verify_email", input.token);
    const [user] = await ctx.tx
      .update(users)
      .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` })
      .where(eq(users.id, token.userId!))
      .returning({ id: users.id, email: users.email });
    ctx.audit(`user:${user!.id}`, { email: user!.email });
    return { email: user!.email };
  },
});

/** Sends a fresh link to an unverified address; answers the same whether or not the address is known. */
export const resendVerificationAction = defineAction({
  name: "auth.resendVerification",
  access: { kind: "public" },
  input: z.object({ email: emailField }),
  async handler(ctx, input) {
    await consumeRateLimits(ctx.tx, publicEmailLimits("verify", input.email, ctx.request.ip));
    const [user] = await ctx.tx.select().from(users).where(sql`lower(${users.email}) = ${input.email}`);
    if (user && !user.emailVerifiedAt) await sendVerificationEmail(ctx.tx, user);
    ctx.audit(null, { email: input.email });
    return { email: input.email };
  },
});
