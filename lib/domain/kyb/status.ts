export const KYB_STATUSES = ["draft", "submitted", "in_review", "approved", "rejected", "info_requested"] as const;
export type KybStatus = (typeof KYB_STATUSES)[number];

export const KYB_EVENTS = ["submit", "start_review", "approve", "reject", "request_info", "resubmit"] as const;
export type KybEvent = (typeof KYB_EVENTS)[number];

const TRANSITIONS: readonly [KybStatus, KybEvent, KybStatus][] = [
  ["draft", "submit", "submitted"],
  ["submitted", "start_review", "in_review"],
  ["in_review", "approve", "approved"],
  ["in_review", "reject", "rejected"],
  ["in_review", "request_info", "info_requested"],
  ["info_requested", "resubmit", "submitted"],
];

// A Map, not an object, so that an unchecked event such as "toString" finds nothing.
const NEXT = new Map(TRANSITIONS.map(([from, event, to]) => [`${from} ${event}`, to]));

/** A KYB event that the application's status does not allow; `code` is stable for the UI. */
export class InvalidKybTransitionError extends Error {
  readonly code = "kyb_invalid_transition";
  readonly userFacing = true;

  constructor(readonly params: { from: KybStatus; event: KybEvent }) {
    super(`A KYB application that is ${params.from} cannot take the event ${params.event}`);
    this.name = "InvalidKybTransitionError";
  }
}

export function nextStatus(status: KybStatus, event: KybEvent): KybStatus {
  const next = NEXT.get(`${status} ${event}`);
  if (next === undefined) throw new InvalidKybTransitionError({ from: status, event });
  return next;
}

/** The applicant may change the application only before submitting it or when asked for more information. */
export function isEditableByApplicant(status: KybStatus): boolean {
  return status === "draft" || status === "info_requested";
}

export function isDecided(status: KybStatus): boolean {
  return status === "approved" || status === "rejected";
}
