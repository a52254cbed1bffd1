import { describe, expect, it } from "vitest";
import { casesByTier, disputeRates, medianTimeToResolveMs, outcomeCounts, rootCauseCounts, serviceLevelShare, sharePercent, type CaseRecord } from "./statistics";

const HOUR = 3_600_000;
const t0 = new Date("2026-01-05T00:00:00Z");
const record = (over: Partial<CaseRecord>): CaseRecord => ({
  buyerId: "harbor-lights",
  buyerCountry: "US",
  tier: "L2",
  openedAt: t0,
  decidedAt: null,
  outcome: null,
  withinServiceLevel: true,
  rootCause: null,
  ...over,
});
const decided = (hours: number, outcome: CaseRecord["outcome"], over: Partial<CaseRecord> = {}) =>
  record({ decidedAt: new Date(t0.getTime() + hours * HOUR), outcome, ...over });

describe("dispute statistics", () => {
  const cases = [
    decided(10, "won", { rootCause: "quality" }),
    decided(30, "lost", { withinServiceLevel: false, rootCause: "logistics" }),
    decided(20, "partial", { buyerId: "nordkap", buyerCountry: "NO", rootCause: "quality" }),
    decided(1, "withdrawn", { buyerId: "nordkap", buyerCountry: "NO", tier: "L1" }),
    record({ buyerId: "rhein-werkzeug", buyerCountry: "DE" }),
  ];
  const activity = [
    { buyerId: "harbor-lights", buyerCountry: "US", invoices: 40 },
    { buyerId: "pacific-rim", buyerCountry: "US", invoices: 60 },
    { buyerId: "nordkap", buyerCountry: "NO", invoices: 3 },
  ];

  it("rate disputes per buyer and per country against invoices issued", () => {
    expect(disputeRates(cases, activity)).toEqual({
      byBuyer: [
        { key: "harbor-lights", cases: 2, invoices: 40, ratePercent: "5.00" },
        { key: "nordkap", cases: 2, invoices: 3, ratePercent: "66.67" },
        { key: "rhein-werkzeug", cases: 1, invoices: 0, ratePercent: null },
        { key: "pacific-rim", cases: 0, invoices: 60, ratePercent: "0.00" },
      ],
      byCountry: [
        { key: "NO", cases: 2, invoices: 3, ratePercent: "66.67" },
        { key: "US", cases: 2, invoices: 100, ratePercent: "2.00" },
        { key: "DE", cases: 1, invoices: 0, ratePercent: null },
      ],
    });
  });

  it("take the median time to resolve over resolutions only", () => {
    // 10, 20, 30 hours; the withdrawn and the open case do not count
    expect(medianTimeToResolveMs(cases)).toBe(20 * HOUR);
    expect(medianTimeToResolveMs(cases.slice(0, 2))).toBe(20 * HOUR);
    expect(medianTimeToResolveMs([decided(0, "won"), { ...decided(0, "won"), decidedAt: new Date(t0.getTime() + 3) }])).toBe(1);
    expect(medianTimeToResolveMs([record({})])).toBeNull();
  });

  it("share the decided cases kept within service level", () => {
    expect(serviceLevelShare(cases)).toEqual({ within: 3, total: 4, percent: "75.00" });
    expect(serviceLevelShare([])).toEqual({ within: 0, total: 0, percent: null });
  });

  it("group by tier with each tier's open cases and service-level share", () => {
    expect(casesByTier(cases)).toEqual([
      { tier: "L1", open: 0, serviceLevel: { within: 1, total: 1, percent: "100.00" } },
      { tier: "L2", open: 1, serviceLevel: { within: 2, total: 3, percent: "66.67" } },
      { tier: "L3", open: 0, serviceLevel: { within: 0, total: 0, percent: null } },
    ]);
  });

  it("count outcomes and root causes, with zeros", () => {
    expect(outcomeCounts(cases)).toEqual({ won: 1, lost: 1, partial: 1, withdrawn: 1 });
    expect(rootCauseCounts(cases)).toEqual({ quality: 2, logistics: 1, documentation: 0, fraud: 0, payment_error: 0, fx: 0 });
  });

  it("round shares half-even to two decimals", () => {
    expect(sharePercent(1, 8)).toBe("12.50");
    expect(sharePercent(1, 3)).toBe("33.33");
    expect(sharePercent(1, 1600)).toBe("0.06"); // 0.0625 → 0.06
  });
});
