import { breaches, deadlines, nextDeadline, DEFAULT_SERVICE_LEVELS, type DeadlineKind, type DisputeTimeline, type ServiceLevelPolicy } from "./service-levels";

/**
 * A case keeps its current tier's deadlines in two columns: the first response (L1 only) and the tier's end —
 * resolution (L1), proposal (L2) or decision (L3, when configured).
 */
export type DeadlineSlot = "first_response" | "end";

export function slotOf(kind: DeadlineKind): DeadlineSlot {
  return kind === "first_response" ? "first_response" : "end";
}

export interface TimerColumns {
  readonly firstResponseDueAt: Date | null;
  readonly resolutionDueAt: Date | null;
  /** The nearest unmet deadline (the queue's order); null when none runs. */
  readonly nextDueAt: Date | null;
}

/** What to store for the case's current timers. A decided case runs none. */
export function timerColumns(timeline: DisputeTimeline, policy: ServiceLevelPolicy = DEFAULT_SERVICE_LEVELS): TimerColumns {
  const all = deadlines(timeline, policy);
  const due = (slot: DeadlineSlot) => all.find((deadline) => slotOf(deadline.kind) === slot)?.dueAt ?? null;
  return {
    firstResponseDueAt: due("first_response"),
    resolutionDueAt: due("end"),
    nextDueAt: timeline.decidedAt === null ? (nextDeadline(timeline, policy)?.dueAt ?? null) : null,
  };
}

/** The flags the case already carries for its current tier. */
export interface BreachFlags {
  readonly firstResponse: boolean;
  readonly end: boolean;
}

/** Deadlines of the current tier missed as of `now` and not flagged yet: each is flagged and counted once. */
export function newBreaches(timeline: DisputeTimeline, flags: BreachFlags, now: Date, policy: ServiceLevelPolicy = DEFAULT_SERVICE_LEVELS): DeadlineKind[] {
  return breaches(timeline, now, policy)
    .map((breach) => breach.kind)
    .filter((kind) => (slotOf(kind) === "first_response" ? !flags.firstResponse : !flags.end));
}

/** Case numbers per organization and year: DSP-2026-0007. */
export function disputeNumber(year: number, sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError(`A case number counts from 1, got ${sequence}`);
  return `DSP-${year}-${String(sequence).padStart(4, "0")}`;
}
