import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getServerSession } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/db/client";
import { memberships, organizations } from "@/db/schema";
import type { StaffRole } from "../guard/access";
import { authOptions } from "./next-auth-options";
import { loadSession, type AuthenticatedSession } from "./session";

/** The signed-in user of this request, for server components; null when signed out or the session was revoked. */
export const getViewer = cache(async (): Promise<AuthenticatedSession | null> => {
  const session = (await getServerSession(authOptions)) as { sid?: string } | null;
  return session?.sid ? loadSession(db(), session.sid) : null;
});

export async function requireViewer(): Promise<AuthenticatedSession> {
  const viewer = await getViewer();
  if (!viewer) redirect("/sign-in");
  return viewer;
}

export const listViewerOrganizations = cache(async (userId: string) =>
  db()
    .select({ slug: organizations.slug, name: organizations.name, role: memberships.role })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organizations.name)),
);

/** The organization behind `/o/[org]` and the viewer's membership; anyone else gets the same 404 as a missing one. */
export const requireOrgMember = cache(async (slug: string) => {
  const viewer = await requireViewer();
  const [found] = await db()
    .select({ organization: organizations, membership: memberships })
    .from(organizations)
    .innerJoin(memberships, and(eq(memberships.organizationId, organizations.id), eq(memberships.userId, viewer.user.id)))
    .where(eq(organizations.slug, slug))
    .limit(1);
  if (!found) notFound();
  return { viewer, ...found };
});

export async function requireStaff(roles?: readonly StaffRole[]) {
  const viewer = await requireViewer();
  const role = viewer.user.staffRole;
  if (!role || (roles && !roles.includes(role))) notFound();
  return { viewer, role };
}
