import { isRootCause } from "./categories";

export const DISPUTE_STATUSES = [
  "open",
  "in_progress",
  "awaiting_factory",
  "awaiting_buyer",
  "proposed",
  "resolved",
  "closed",
  "withdrawn",
] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

export const DISPUTE_EVENTS = [
  "claim",
  "request_factory",
  "request_buyer",
  "answer",
  "propose",
  "reject_proposal",
  "decide",
  "close",
  "withdraw",
  "reopen",
] as const;
export type DisputeEvent = (typeof DISPUTE_EVENTS)[number];

const WORKING: readonly DisputeStatus[] = ["in_progress", "awaiting_factory", "awaiting_buyer"];
const UNDECIDED: readonly DisputeStatus[] = ["open", ...WORKING, "proposed"];

const TRANSITIONS: readonly [readonly DisputeStatus[], DisputeEvent, DisputeStatus][] = [
  [["open"], "claim", "in_progress"],
  [["in_progress", "awaiting_buyer"], "request_factory", "awaiting_factory"],
  [["in_progress", "awaiting_factory"], "request_buyer", "awaiting_buyer"],
  [["awaiting_factory", "awaiting_buyer"], "answer", "in_progress"],
  [WORKING, "propose", "proposed"],
  [["proposed"], "reject_proposal", "in_progress"],
  [["in_progress", "proposed"], "decide", "resolved"],
  [["resolved"], "close", "closed"],
  [UNDECIDED, "withdraw", "withdrawn"],
  [["resolved"], "reopen", "in_progress"],
];

// A Map, not an object, so that an unchecked event such as "toString" finds nothing.
const NEXT = new Map(TRANSITIONS.flatMap(([froms, event, to]) => froms.map((from) => [`${from} ${event}`, to] as const)));

/** A resolved case may be reopened for this long after its decision; closed and withdrawn cases never. */
export const REOPEN_WINDOW_DAYS = 14;
const DAY_MS = 86_400_000;

export type DisputeTransitionRefusal =
  | "dispute_invalid_transition"
  | "dispute_case_final"
  | "dispute_reopen_window_passed"
  | "dispute_reason_required"
  | "dispute_root_cause_required";

export interface TransitionContext {
  readonly now: Date;
  /** When the case was resolved; needed to reopen it. */
  readonly decidedAt?: Date | null;
  /** Required to reopen. */
  readonly reason?: string;
  /** Required to close: the case library is searched by it. */
  readonly rootCause?: string | null;
}

export type TransitionResult = { ok: true; status: DisputeStatus } | { ok: false; code: DisputeTransitionRefusal };

export function isFinal(status: DisputeStatus): boolean {
  return status === "closed" || status === "withdrawn";
}

/** Still in the agents' queue, with timers running. */
export function isUndecided(status: DisputeStatus): boolean {
  return UNDECIDED.includes(status);
}

export function transition(status: DisputeStatus, event: DisputeEvent, context: TransitionContext): TransitionResult {
  const next = NEXT.get(`${status} ${event}`);
  if (next === undefined) return { ok: false, code: isFinal(status) ? "dispute_case_final" : "dispute_invalid_transition" };
  if (event === "reopen") {
    if (!context.reason?.trim()) return { ok: false, code: "dispute_reason_required" };
    const decidedAt = context.decidedAt;
    if (!decidedAt || context.now.getTime() - decidedAt.getTime() > REOPEN_WINDOW_DAYS * DAY_MS) {
      return { ok: false, code: "dispute_reopen_window_passed" };
    }
  }
  if (event === "close" && !(context.rootCause && isRootCause(context.rootCause))) {
    return { ok: false, code: "dispute_root_cause_required" };
  }
  return { ok: true, status: next };
}
