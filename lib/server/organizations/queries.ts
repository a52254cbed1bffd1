import { and, asc, eq, gt, isNull } from "drizzle-orm";
import { db } from "@/db/client";
import { invitations, memberships, organizations, users } from "@/db/schema";
import { hashToken } from "../auth/tokens";

export function listMembers(organizationId: string) {
  return db()
    .select({
      membershipId: memberships.id,
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      maxSingleMinor: memberships.maxSingleMinor,
      dailyTotalMinor: memberships.dailyTotalMinor,
      limitCurrency: memberships.limitCurrency,
      twoFactor: users.totpEnabledAt,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, organizationId))
    .orderBy(asc(memberships.createdAt));
}

export function listPendingInvitations(organizationId: string) {
  return db()
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt })
    .from(invitations)
    .where(
      and(
        eq(invitations.organizationId, organizationId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    )
    .orderBy(asc(invitations.createdAt));
}

/** What the invitation page may show before anyone signs in: who invites, to what, and for which address. */
export async function findLiveInvitation(token: string) {
  const [row] = await db()
    .select({ email: invitations.email, role: invitations.role, organization: organizations.name, inviter: users.name })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .innerJoin(users, eq(users.id, invitations.invitedBy))
    .where(
      and(
        eq(invitations.tokenHash, hashToken(token)),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    );
  return row ?? null;
}
