import type { DisputeTier } from "./categories";

/**
 * Timers run in calendar hours: 24 h after 17:00 on a Friday is 17:00 on Saturday. Buyers and card issuers abroad
 * do not keep China's office hours, and the platform's agents work the queue every day. Timers do not pause while a
 * case waits on the factory or the buyer; a deadline is met or missed on elapsed time alone.
 */
export const SERVICE_LEVEL_CLOCK = "calendar_hours" as const;

export interface ServiceLevelPolicy {
  readonly L1: { readonly firstResponseHours: number; readonly resolutionHours: number };
  readonly L2: { readonly proposalHours: number };
  /** null: a management decision has no timer. */
  readonly L3: { readonly decisionHours: number | null };
}

export const DEFAULT_SERVICE_LEVELS: ServiceLevelPolicy = {
  L1: { firstResponseHours: 24, resolutionHours: 24 },
  L2: { proposalHours: 48 },
  L3: { decisionHours: null },
};

export type DeadlineKind = "first_response" | "resolution" | "proposal" | "decision";

/** What the timers need to know of a case. */
export interface DisputeTimeline {
  readonly tier: DisputeTier;
  /** When the case was opened in, or escalated into, its current tier: that tier's timers start here. */
  readonly tierEnteredAt: Date;
  /** The first reply of an agent to the factory or the buyer. */
  readonly firstResponseAt: Date | null;
  /** The latest time a resolution was proposed. */
  readonly proposedAt: Date | null;
  /** When the case was resolved or withdrawn: the end of every timer. */
  readonly decidedAt: Date | null;
}

export interface Deadline {
  readonly kind: DeadlineKind;
  readonly dueAt: Date;
  /** When the deadline was met, or null while it is not. */
  readonly metAt: Date | null;
}

export interface Breach extends Deadline {
  /** How far past the deadline the case is (still open) or was (met late). */
  readonly lateByMs: number;
}

const HOUR_MS = 3_600_000;

function addHours(start: Date, hours: number): Date {
  if (!Number.isFinite(hours) || hours <= 0) throw new RangeError(`A service level must be a positive number of hours, got ${hours}`);
  return new Date(start.getTime() + hours * HOUR_MS);
}

/** The earliest of the events that happened in the current tier; an event from an earlier tier meets nothing now. */
function earliestInTier(timeline: DisputeTimeline, events: readonly (Date | null)[]): Date | null {
  const start = timeline.tierEnteredAt.getTime();
  const times = events.filter((event): event is Date => event !== null && event.getTime() >= start).map((event) => event.getTime());
  return times.length === 0 ? null : new Date(Math.min(...times));
}

/**
 * The deadlines of the case's current tier. A decision meets every deadline (it answers, proposes and resolves at
 * once) and a proposal meets the first response too.
 */
export function deadlines(timeline: DisputeTimeline, policy: ServiceLevelPolicy = DEFAULT_SERVICE_LEVELS): Deadline[] {
  const start = timeline.tierEnteredAt;
  const decided = timeline.decidedAt;
  switch (timeline.tier) {
    case "L1":
      return [
        {
          kind: "first_response",
          dueAt: addHours(start, policy.L1.firstResponseHours),
          metAt: earliestInTier(timeline, [timeline.firstResponseAt, timeline.proposedAt, decided]),
        },
        { kind: "resolution", dueAt: addHours(start, policy.L1.resolutionHours), metAt: earliestInTier(timeline, [decided]) },
      ];
    case "L2":
      return [{ kind: "proposal", dueAt: addHours(start, policy.L2.proposalHours), metAt: earliestInTier(timeline, [timeline.proposedAt, decided]) }];
    case "L3":
      return policy.L3.decisionHours === null
        ? []
        : [{ kind: "decision", dueAt: addHours(start, policy.L3.decisionHours), metAt: earliestInTier(timeline, [decided]) }];
  }
}

/**
 * Deadlines missed as of `now`: still unmet after their due time, or met after it. Exactly at the due time is still
 * within the service level ("within 24 hours").
 */
export function breaches(timeline: DisputeTimeline, now: Date, policy: ServiceLevelPolicy = DEFAULT_SERVICE_LEVELS): Breach[] {
  return deadlines(timeline, policy).flatMap((deadline) => {
    const end = deadline.metAt ?? now;
    const lateByMs = end.getTime() - deadline.dueAt.getTime();
    return lateByMs > 0 ? [{ ...deadline, lateByMs }] : [];
  });
}

/** The next unmet deadline, for ordering the queue; null when none runs (all met, or an L3 case without a timer). */
export function nextDeadline(timeline: DisputeTimeline, policy: ServiceLevelPolicy = DEFAULT_SERVICE_LEVELS): Deadline | null {
  const open = deadlines(timeline, policy).filter((deadline) => deadline.metAt === null);
  return open.reduce<Deadline | null>((nearest, deadline) => (nearest === null || deadline.dueAt < nearest.dueAt ? deadline : nearest), null);
}

/** Queue order: nearest deadline first, cases without a running timer last, then the oldest tier entry. */
export function compareByDeadline(a: DisputeTimeline, b: DisputeTimeline, policy: ServiceLevelPolicy = DEFAULT_SERVICE_LEVELS): number {
  const dueA = nextDeadline(a, policy)?.dueAt.getTime() ?? Number.POSITIVE_INFINITY;
  const dueB = nextDeadline(b, policy)?.dueAt.getTime() ?? Number.POSITIVE_INFINITY;
  if (dueA !== dueB) return dueA < dueB ? -1 : 1;
  return a.tierEnteredAt.getTime() - b.tierEnteredAt.getTime();
}
