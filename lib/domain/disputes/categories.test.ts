import { describe, expect, it } from "vitest";
import { compareTiers, DEFAULT_TIER, DISPUTE_CATEGORIES, isDisputeCategory, isRootCause, nextTier, reservesMoney } from "./categories";

describe("dispute categories", () => {
  it("start every claim in L1 (the front line) and only a chargeback, opened by the card processor, in L2", () => {
    expect(DISPUTE_CATEGORIES.filter((category) => DEFAULT_TIER[category] === "L1")).toEqual([
      "quality_claim",
      "short_shipment",
      "late_delivery",
      "payment_not_received",
      "duplicate_payment",
      "refund_request",
    ]);
    expect(DISPUTE_CATEGORIES.filter((category) => DEFAULT_TIER[category] === "L2")).toEqual(["chargeback"]);
    expect(DISPUTE_CATEGORIES.filter((category) => DEFAULT_TIER[category] === "L3")).toEqual([]);
  });

  it("hold money for every category but a payment that never arrived", () => {
    expect(DISPUTE_CATEGORIES.filter((category) => !reservesMoney(category))).toEqual(["payment_not_received"]);
  });

  it("recognise only their own names", () => {
    expect(isDisputeCategory("chargeback")).toBe(true);
    expect(isDisputeCategory("toString")).toBe(false);
    expect(isRootCause("fx")).toBe(true);
    expect(isRootCause("weather")).toBe(false);
  });

  it("order tiers upwards", () => {
    expect(compareTiers("L1", "L3")).toBe(-1);
    expect(compareTiers("L2", "L2")).toBe(0);
    expect(nextTier("L1")).toBe("L2");
    expect(nextTier("L2")).toBe("L3");
    expect(nextTier("L3")).toBeNull();
  });
});
