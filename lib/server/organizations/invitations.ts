import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { invitations, memberships, organizations, users } from "@/db/schema";
import { emailField, tokenField } from "../auth/schemas";
import { appUrl, hashToken, newLinkToken } from "../auth/tokens";
import { sendTemplate } from "../email/templates";
import { OWNER_ONLY } from "../guard/access";
import { ActionError } from "../guard/action-error";
import { defineAction } from "../guard/define-action";
import { assertSteppedUp } from "../guard/execute-action";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const roleField = z.enum(["owner", "finance", "viewer"]);

export const inviteMemberAction = defineAction({
  name: "organization.inviteMember",
  access: { kind: "org", roles: OWNER_ONLY },
  input: z.object({ org: z.string(), email: emailField, role: roleField }),
  async handler(ctx, input) {
    // Making someone an owner hands over everything, so it needs the same fresh second factor as a role change.
    if (input.role === "owner") assertSteppedUp(ctx.auth);
    const [alreadyMember] = await ctx.tx
      .select({ id: memberships.id })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organizationId, ctx.organization.id), sql`lower(${users.email}) = ${input.email}`));
    if (alreadyMember) throw new ActionError("already_member");
    await ctx.tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(invitations.organizationId, ctx.organization.id),
          eq(invitations.email, input.email),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      );
    const { token, tokenHash } = newLinkToken();
    const [invitation] = await ctx.tx
      .insert(invitations)
      .values({
        organizationId: ctx.organization.id,
        email: input.email,
        role: input.role,
        tokenHash,
        invitedBy: ctx.auth.user.id,
        expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
      })
      .returning({ id: invitations.id });
    await sendTemplate(ctx.tx, input.email, ctx.auth.user.locale, "invitation", {
      inviter: ctx.auth.user.name,
      organization: ctx.organization.name,
      url: appUrl(`/invite/${token}`),
    });
    ctx.audit(`invitation:${invitation!.id}`, { email: input.email, role: input.role });
    return { invitationId: invitation!.id };
  },
});

export const revokeInvitationAction = defineAction({
  name: "organization.revokeInvitation",
  access: { kind: "org", roles: OWNER_ONLY },
  input: z.object({ org: z.string(), invitationId: z.uuid() }),
  async handler(ctx, input) {
    const revoked = await ctx.tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(invitations.id, input.invitationId),
          eq(invitations.organizationId, ctx.organization.id),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .returning({ id: invitations.id, email: invitations.email });
    if (revoked.length === 0) throw new ActionError("not_found");
    ctx.audit(`invitation:${input.invitationId}`, { email: revoked[0]!.email });
    return { revoked: true };
  },
});

/** The signed-in user accepts: the invitation must be addressed to their email, live and unused. */
export const acceptInvitationAction = defineAction({
  name: "organization.acceptInvitation",
  access: { kind: "user" },
  input: z.object({ token: tokenField }),
  async handler(ctx, input) {
    const [invitation] = await ctx.tx
      .select({ invitation: invitations, organization: organizations })
      .from(invitations)
      .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
      .where(
        and(
          eq(invitations.tokenHash, hashToken(input.token)),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, new Date()),
        ),
      )
      .for("update", { of: invitations });
    if (!invitation) throw new ActionError("link_invalid");
    if (invitation.invitation.email.toLowerCase() !== ctx.auth.user.email.toLowerCase()) {
      throw new ActionError("invitation_other_email", { email: invitation.invitation.email });
    }
    await ctx.tx
      .insert(memberships)
      .values({ organizationId: invitation.organization.id, userId: ctx.auth.user.id, role: invitation.invitation.role })
      .onConflictDoNothing();
    await ctx.tx.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.id, invitation.invitation.id));
    ctx.audit(`invitation:${invitation.invitation.id}`, { role: invitation.invitation.role }, invitation.organization.id);
    return { slug: invitation.organization.slug };
  },
});
