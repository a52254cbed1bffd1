import { describe, expect, it } from "vitest";
import { DISPUTE_EVENTS, DISPUTE_STATUSES, isFinal, isUndecided, REOPEN_WINDOW_DAYS, transition, type DisputeEvent, type DisputeStatus } from "./status";

const now = new Date("2026-04-01T00:00:00Z");
const DAY = 86_400_000;
const full = { now, decidedAt: new Date(now.getTime() - DAY), reason: "New evidence from the inspection agency", rootCause: "quality" };

const ALLOWED: Partial<Record<`${DisputeStatus} ${DisputeEvent}`, DisputeStatus>> = {
  "open claim": "in_progress",
  "open withdraw": "withdrawn",
  "in_progress request_factory": "awaiting_factory",
  "in_progress request_buyer": "awaiting_buyer",
  "in_progress propose": "proposed",
  "in_progress decide": "resolved",
  "in_progress withdraw": "withdrawn",
  "awaiting_factory request_buyer": "awaiting_buyer",
  "awaiting_factory answer": "in_progress",
  "awaiting_factory propose": "proposed",
  "awaiting_factory withdraw": "withdrawn",
  "awaiting_buyer request_factory": "awaiting_factory",
  "awaiting_buyer answer": "in_progress",
  "awaiting_buyer propose": "proposed",
  "awaiting_buyer withdraw": "withdrawn",
  "proposed reject_proposal": "in_progress",
  "proposed decide": "resolved",
  "proposed withdraw": "withdrawn",
  "resolved close": "closed",
  "resolved reopen": "in_progress",
};

const pairs = DISPUTE_STATUSES.flatMap((status) => DISPUTE_EVENTS.map((event) => [status, event] as const));

describe("transition", () => {
  it.each(pairs)("%s --%s-->", (status, event) => {
    const expected = ALLOWED[`${status} ${event}`];
    const result = transition(status, event, full);
    if (expected) expect(result).toEqual({ ok: true, status: expected });
    else expect(result).toEqual({ ok: false, code: isFinal(status) ? "dispute_case_final" : "dispute_invalid_transition" });
  });

  it("reopens only with a reason and within the window after the decision", () => {
    const edge = new Date(now.getTime() - REOPEN_WINDOW_DAYS * DAY);
    expect(transition("resolved", "reopen", { ...full, decidedAt: edge })).toEqual({ ok: true, status: "in_progress" });
    expect(transition("resolved", "reopen", { ...full, decidedAt: new Date(edge.getTime() - 1) })).toEqual({ ok: false, code: "dispute_reopen_window_passed" });
    expect(transition("resolved", "reopen", { ...full, decidedAt: null })).toEqual({ ok: false, code: "dispute_reopen_window_passed" });
    expect(transition("resolved", "reopen", { ...full, reason: " " })).toEqual({ ok: false, code: "dispute_reason_required" });
  });

  it("closes only with a known root cause", () => {
    expect(transition("resolved", "close", { now, rootCause: null })).toEqual({ ok: false, code: "dispute_root_cause_required" });
    expect(transition("resolved", "close", { now, rootCause: "weather" })).toEqual({ ok: false, code: "dispute_root_cause_required" });
    expect(transition("resolved", "close", { now, rootCause: "logistics" })).toEqual({ ok: true, status: "closed" });
  });

  it("finds nothing for an unchecked event name", () => {
    expect(transition("open", "toString" as DisputeEvent, full)).toEqual({ ok: false, code: "dispute_invalid_transition" });
  });

  it("keeps open, working and proposed cases in the queue", () => {
    expect(DISPUTE_STATUSES.filter(isUndecided)).toEqual(["open", "in_progress", "awaiting_factory", "awaiting_buyer", "proposed"]);
  });
});
