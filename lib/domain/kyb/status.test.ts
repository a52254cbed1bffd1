import { describe, expect, it } from "vitest";
import {
  InvalidKybTransitionError,
  isDecided,
  isEditableByApplicant,
  KYB_EVENTS,
  KYB_STATUSES,
  nextStatus,
  type KybEvent,
  type KybStatus,
} from "./status";

const ALLOWED: Partial<Record<`${KybStatus} ${KybEvent}`, KybStatus>> = {
  "draft submit": "submitted",
  "submitted start_review": "in_review",
  "in_review approve": "approved",
  "in_review reject": "rejected",
  "in_review request_info": "info_requested",
  "info_requested resubmit": "submitted",
};

const pairs = KYB_STATUSES.flatMap((status) => KYB_EVENTS.map((event) => [status, event] as const));

describe("nextStatus", () => {
  it("covers all 36 pairs of status and event", () => {
    expect(pairs).toHaveLength(36);
  });

  it.each(pairs)("%s --%s-->", (status, event) => {
    const expected = ALLOWED[`${status} ${event}`];
    if (expected) {
      expect(nextStatus(status, event)).toBe(expected);
      return;
    }
    let thrown: unknown;
    try {
      nextStatus(status, event);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidKybTransitionError);
    expect(thrown).toMatchObject({
      code: "kyb_invalid_transition",
      userFacing: true,
      params: { from: status, event },
    });
  });

  it("refuses an unchecked event name that is a property of every object", () => {
    expect(() => nextStatus("draft", "toString" as KybEvent)).toThrow(InvalidKybTransitionError);
  });

  it("gives the error a readable message and name", () => {
    const error = new InvalidKybTransitionError({ from: "approved", event: "submit" });
    expect(error.name).toBe("InvalidKybTransitionError");
    expect(error.message).toContain("approved");
    expect(error).toBeInstanceOf(Error);
  });
});

describe("isEditableByApplicant and isDecided", () => {
  it.each([
    ["draft", true, false],
    ["submitted", false, false],
    ["in_review", false, false],
    ["approved", false, true],
    ["rejected", false, true],
    ["info_requested", true, false],
  ] as const)("%s: editable %s, decided %s", (status, editable, decided) => {
    expect(isEditableByApplicant(status)).toBe(editable);
    expect(isDecided(status)).toBe(decided);
  });

  it("lists every status exactly once above", () => {
    expect([...KYB_STATUSES].sort()).toEqual(
      ["approved", "draft", "in_review", "info_requested", "rejected", "submitted"],
    );
  });
});
