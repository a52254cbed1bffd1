import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Executor, Transaction } from "@/db/client";
import { auditLog, disputeEvents, disputes, disputeSequences } from "@/db/schema";
import {
  disputeNumber,
  timerColumns,
  transition,
  type DisputeEvent,
  type DisputeStatus,
  type DisputeTier,
  type DisputeTimeline,
  type ServiceLevelPolicy,
  type TransitionContext,
} from "@/lib/domain/disputes";
import { ActionError } from "../guard/action-error";

export type Dispute = typeof disputes.$inferSelect;
export type DisputeParty = (typeof disputeEvents.$inferInsert)["actorKind"];

/** Who acts on a case: the party, and the user when there is one (a buyer and the system have none). */
export interface CaseActor {
  kind: DisputeParty;
  userId: string | null;
}

export const SYSTEM: CaseActor = { kind: "system", userId: null };

/** The case row, locked for the rest of the transaction; not found is an ActionError("not_found"). */
export async function lockDispute(tx: Transaction, where: SQL | undefined): Promise<Dispute> {
  const [dispute] = await tx.select().from(disputes).where(where).for("update");
  if (!dispute) throw new ActionError("not_found");
  return dispute;
}

/** A case of the organization (another organization's case is not found), locked. */
export function lockOrganizationDispute(tx: Transaction, organizationId: string, disputeId: string): Promise<Dispute> {
  return lockDispute(tx, and(eq(disputes.id, disputeId), eq(disputes.organizationId, organizationId)));
}

export function timelineOf(dispute: Pick<Dispute, "tier" | "tierEnteredAt" | "firstResponseAt" | "proposedAt" | "decidedAt">): DisputeTimeline {
  return {
    tier: dispute.tier,
    tierEnteredAt: dispute.tierEnteredAt,
    firstResponseAt: dispute.firstResponseAt,
    proposedAt: dispute.proposedAt,
    decidedAt: dispute.decidedAt,
  };
}

/** The timer columns for a case as it will be after `change`. */
export function timersAfter(dispute: Dispute, change: Partial<DisputeTimeline>, policy?: ServiceLevelPolicy) {
  return timerColumns({ ...timelineOf(dispute), ...change }, policy);
}

/** The status an event moves the case to, or the domain's refusal as an ActionError. */
export function nextStatus(status: DisputeStatus, event: DisputeEvent, context: TransitionContext): DisputeStatus {
  const result = transition(status, event, context);
  if (!result.ok) throw new ActionError(result.code);
  return result.status;
}

export interface CaseEvent {
  kind: string;
  actor: CaseActor;
  at: Date;
  fromStatus?: DisputeStatus | null;
  toStatus?: DisputeStatus | null;
  fromTier?: DisputeTier | null;
  toTier?: DisputeTier | null;
  details?: Record<string, unknown>;
}

/** One line of the case history. */
export async function recordEvent(executor: Executor, dispute: Pick<Dispute, "id" | "organizationId">, event: CaseEvent): Promise<void> {
  await executor.insert(disputeEvents).values({
    disputeId: dispute.id,
    organizationId: dispute.organizationId,
    kind: event.kind,
    actorKind: event.actor.kind,
    actorUserId: event.actor.userId,
    fromStatus: event.fromStatus ?? null,
    toStatus: event.toStatus ?? null,
    fromTier: event.fromTier ?? null,
    toTier: event.toTier ?? null,
    details: event.details ?? {},
    at: event.at,
  });
}

/** Updates the case and returns it as it now is. */
export async function updateDispute(tx: Transaction, disputeId: string, values: Partial<typeof disputes.$inferInsert>, at: Date): Promise<Dispute> {
  const [updated] = await tx
    .update(disputes)
    .set({ ...values, updatedAt: at })
    .where(eq(disputes.id, disputeId))
    .returning();
  return updated!;
}

/** The organization's next case number of the year, taken by one atomic upsert. */
export async function nextDisputeNumber(tx: Transaction, organizationId: string, year: number): Promise<string> {
  const [row] = await tx
    .insert(disputeSequences)
    .values({ organizationId, year, lastNumber: 1 })
    .onConflictDoUpdate({ target: [disputeSequences.organizationId, disputeSequences.year], set: { lastNumber: sql`${disputeSequences.lastNumber} + 1` } })
    .returning({ lastNumber: disputeSequences.lastNumber });
  return disputeNumber(year, row!.lastNumber);
}

/**
 * The audit record of a change no user action made (the timers, shortfall reservations inside another area's
 * transaction): no actor, the case as its target.
 */
export async function auditSystemChange(executor: Executor, dispute: Pick<Dispute, "id" | "organizationId">, action: string, summary: Record<string, unknown>): Promise<void> {
  await executor.insert(auditLog).values({ actorUserId: null, organizationId: dispute.organizationId, action, target: `dispute:${dispute.id}`, summary, ip: null });
}
