import { eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { kybApplications, reminderSettings } from "@/db/schema";
import { ensureCollectionAccounts } from "@/lib/server/collections/accounts";
import type { FoundationSeed } from "./foundation";

/**
 * Receiving accounts for every approved demo organization (through the sandbox bank, as approval does), and
 * Haiguang's reminder settings: a week before, on the day, then 3, 10 and 30 days overdue.
 */
export async function seedCollections(tx: Transaction, foundation: FoundationSeed): Promise<void> {
  const approved = await tx.select({ organizationId: kybApplications.organizationId }).from(kybApplications).where(eq(kybApplications.status, "approved"));
  for (const { organizationId } of approved) await ensureCollectionAccounts(tx, organizationId);
  await tx.insert(reminderSettings).values({
    organizationId: foundation.factory.id,
    enabled: true,
    daysBefore: [7],
    onDueDate: true,
    daysAfter: [3, 10, 30],
    updatedBy: foundation.userIds.finance,
  });
}
