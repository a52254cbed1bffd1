import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { authTokens, invitations, memberships, users } from "@/db/schema";
import { sendTemplate } from "../email/templates";
import { ActionError } from "../guard/action-error";
import { defineAction, type ActionContext } from "../guard/define-action";
import { createOrganizationWithOwner } from "../organizations/create-organization";
import { acceptNewPassword } from "./new-password";
import { consumeRateLimits, publicEmailLimits } from "./rate-limit";
import { emailField, localeField, passwordField } from "./schemas";
import { appUrl, hashToken, newLinkToken } from "./tokens";

export const EMAIL_VERIFICATION_TTL_MS = 48 * 60 * 60 * 1000;

/**
 * Creates the user and their factory's organization, unverified, and emails a verification link.
 * An address already registered gets an email saying so; the page answers the same either way.
 * Signing up from an invitation link joins the inviting organization instead: the link proves the address.
 */
export const signUpAction = defineAction({
  name: "auth.signUp",
  access: { kind: "public" },
  input: z.object({
    name: z.string().trim().min(1).max(120),
    email: emailField,
    password: passwordField,
    companyName: z.string().trim().max(200).default(""),
    invitationToken: z.string().trim().max(200).default(""),
    locale: localeField.default("zh-CN"),
  }),
  async handler(ctx, input) {
    const passwordHash = await acceptNewPassword(input.password);
    await consumeRateLimits(ctx.tx, publicEmailLimits("signup", input.email, ctx.request.ip));
    const [existing] = await ctx.tx.select({ id: users.id, locale: users.locale }).from(users).where(sql`lower(${users.email}) = ${input.email}`);
    if (existing) {
      await sendTemplate(ctx.tx, input.email, existing.locale, "existingAccount", { signInUrl: appUrl("/sign-in") });
      ctx.audit(null, { email: input.email, outcome: "existing_account" });
      return { email: input.email, verified: false };
    }
    if (input.invitationToken) return joinByInvitation(ctx, { ...input, passwordHash });
    if (input.companyName.length < 2) throw new ActionError("company_name_required");
    const [user] = await ctx.tx
      .insert(users)
      .values({ email: input.email, name: input.name, passwordHash, locale: input.locale })
      .returning();
    await createOrganizationWithOwner(ctx.tx, input.companyName, user!.id);
    await sendVerificationEmail(ctx.tx, user!);
    ctx.audit(`user:${user!.id}`, { email: input.email, companyName: input.companyName });
    return { email: input.email, verified: false };
  },
});

async function joinByInvitation(
  ctx: ActionContext,
  input: { email: string; name: string; passwordHash: string; locale: "en" | "zh-CN"; invitationToken: string },
) {
  const [invitation] = await ctx.tx
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.tokenHash, hashToken(input.invitationToken)),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    )
    .for("update");
  if (!invitation) throw new ActionError("link_invalid");
  if (invitation.email.toLowerCase() !== input.email) {
    throw new ActionError("invitation_other_email", { email: invitation.email });
  }
  const [user] = await ctx.tx
    .insert(users)
    .values({ email: input.email, name: input.name, passwordHash: input.passwordHash, locale: input.locale, emailVerifiedAt: new Date() })
    .returning();
  await ctx.tx.insert(memberships).values({ organizationId: invitation.organizationId, userId: user!.id, role: invitation.role });
  await ctx.tx.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.id, invitation.id));
  ctx.audit(`invitation:${invitation.id}`, { email: input.email, role: invitation.role }, invitation.organizationId);
  return { email: input.email, verified: true };
}

export async function sendVerificationEmail(
  tx: Parameters<typeof sendTemplate>[0],
  user: { id: string; email: string; name: string; locale: string },
) {
  const { token, tokenHash } = newLinkToken();
  await tx.insert(authTokens).values({
    purpose: "verify_email",
    tokenHash,
    userId: user.id,
    expiresAt: new Date(Date.now() + EMAIL_VERIFICATION_TTL_MS),
  });
  await sendTemplate(tx, user.email, user.locale, "verifyEmail", {
    name: user.name,
    url: appUrl(`/verify-email?token=${token}`),
  });
}
