import { and, eq, isNull } from "drizzle-orm";
import type { Executor, Transaction } from "@/db/client";
import { kybApplications, kybDocuments, kybEvents } from "@/db/schema";
import type { KybStatus } from "@/lib/domain/kyb";

export type KybApplication = typeof kybApplications.$inferSelect;

/** The organization's application, locked for the rest of the transaction; created as a draft on first use. */
export async function lockOrCreateApplication(tx: Transaction, organizationId: string, actorUserId: string): Promise<KybApplication> {
  const existing = await lockApplicationOfOrganization(tx, organizationId);
  if (existing) return existing;
  await tx.insert(kybApplications).values({ organizationId }).onConflictDoNothing();
  const created = await lockApplicationOfOrganization(tx, organizationId);
  if (!created) throw new Error("the KYB application could not be created");
  await recordEvent(tx, { applicationId: created.id, event: "created", fromStatus: null, toStatus: "draft", actorUserId });
  return created;
}

export async function lockApplicationOfOrganization(tx: Transaction, organizationId: string): Promise<KybApplication | null> {
  const [row] = await tx.select().from(kybApplications).where(eq(kybApplications.organizationId, organizationId)).for("update");
  return row ?? null;
}

export async function lockApplication(tx: Transaction, applicationId: string): Promise<KybApplication | null> {
  const [row] = await tx.select().from(kybApplications).where(eq(kybApplications.id, applicationId)).for("update");
  return row ?? null;
}

export async function recordEvent(
  tx: Transaction,
  event: {
    applicationId: string;
    event: string;
    fromStatus: KybStatus | null;
    toStatus: KybStatus | null;
    actorUserId: string | null;
    comment?: string | null;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await tx.insert(kybEvents).values({
    applicationId: event.applicationId,
    event: event.event,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    actorUserId: event.actorUserId,
    comment: event.comment ?? null,
    details: event.details ?? {},
  });
}

export async function liveDocuments(tx: Executor, applicationId: string) {
  return tx
    .select()
    .from(kybDocuments)
    .where(and(eq(kybDocuments.applicationId, applicationId), isNull(kybDocuments.removedAt)));
}
