import { randomBytes } from "node:crypto";
import type { Transaction } from "@/db/client";
import { memberships, organizations } from "@/db/schema";

/** Slugs are random, so an organization's URL reveals nothing and cannot be guessed from its name. */
export function newOrganizationSlug(): string {
  return `f${randomBytes(6).toString("hex")}`;
}

export async function createOrganizationWithOwner(tx: Transaction, name: string, ownerId: string) {
  const [organization] = await tx.insert(organizations).values({ name, slug: newOrganizationSlug() }).returning();
  await tx.insert(memberships).values({ organizationId: organization!.id, userId: ownerId, role: "owner" });
  return organization!;
}
