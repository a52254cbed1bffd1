import { count, desc, eq, isNotNull } from "drizzle-orm";
import { db } from "@/db/client";
import { memberships, organizations, users } from "@/db/schema";

/** Figures every platform staff member may see (the caller has checked the staff role). */
export async function platformOverview() {
  const [userFigures] = await db()
    .select({ users: count(), withTwoFactor: count(users.totpEnabledAt) })
    .from(users);
  const rows = await db()
    .select({
      id: organizations.id,
      name: organizations.name,
      createdAt: organizations.createdAt,
      members: count(memberships.id),
    })
    .from(organizations)
    .leftJoin(memberships, eq(memberships.organizationId, organizations.id))
    .groupBy(organizations.id)
    .orderBy(desc(organizations.createdAt))
    .limit(100);
  const [organizationCount] = await db().select({ n: count() }).from(organizations);
  const [staffCount] = await db().select({ n: count() }).from(users).where(isNotNull(users.staffRole));
  return {
    users: userFigures?.users ?? 0,
    usersWithTwoFactor: userFigures?.withTwoFactor ?? 0,
    organizations: organizationCount?.n ?? 0,
    staff: staffCount?.n ?? 0,
    recentOrganizations: rows,
  };
}

