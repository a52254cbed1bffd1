import { describe, expect, it } from "vitest";
import { type FeeSchedule, STANDARD_FEE_SCHEDULE } from "./schedule";
import { feeTable } from "./side-by-side";

const current = STANDARD_FEE_SCHEDULE;
const next = (changes: Partial<FeeSchedule>): FeeSchedule => ({ ...current, version: 2, effectiveFrom: "2027-01-01", ...changes });

describe("feeTable", () => {
  it("lists every price of one schedule, with nothing marked, when none is upcoming", () => {
    const rows = feeTable(current, null);
    expect(rows.every((row) => row.upcoming === null && row.changes.length === 0)).toBe(true);
    expect(rows.map((row) => row.feeItem.item)).toEqual([
      "collection_rate",
      "collection_rate",
      "collection_rate",
      "risk_surcharge_organization",
      "risk_surcharge_country",
      ...Array(5).fill("payout_fixed"),
      "expedited_payout",
      "statement_import_fixed",
      ...Array(5).fill("chargeback_fixed"),
      "fx_tier",
      "fx_tier",
    ]);
    expect(rows.find((row) => row.feeItem.item === "statement_import_fixed")).toEqual({
      feeItem: { item: "statement_import_fixed", currency: null },
      current: { kind: "fixed", amountMinor: 0n },
      upcoming: null,
      changes: [],
    });
    expect(rows.filter((row) => row.feeItem.item === "payout_fixed").map((row) => (row.feeItem as { currency: string }).currency)).toEqual(["CNY", "EUR", "GBP", "HKD", "USD"]);
  });

  it("lines up tiers of both schedules and marks the rows that change, and which way", () => {
    const upcoming = next({
      collection: { baseBps: 55, volumeTiers: [{ fromMonthVolumeCnyMinor: 200_000_000n, bps: 45 }] },
      payoutFixed: { ...current.payoutFixed, CNY: 800n },
    });
    const rows = feeTable(current, upcoming);
    const collection = rows.filter((row) => row.feeItem.item === "collection_rate");
    expect(collection).toEqual([
      { feeItem: { item: "collection_rate", fromMonthVolumeCnyMinor: 0n }, current: { kind: "rate", bps: 60 }, upcoming: { kind: "rate", bps: 55 }, changes: ["lowered"] },
      { feeItem: { item: "collection_rate", fromMonthVolumeCnyMinor: 100_000_000n }, current: { kind: "rate", bps: 50 }, upcoming: { kind: "rate", bps: 55 }, changes: ["raised"] },
      { feeItem: { item: "collection_rate", fromMonthVolumeCnyMinor: 200_000_000n }, current: { kind: "rate", bps: 50 }, upcoming: { kind: "rate", bps: 45 }, changes: ["lowered"] },
      { feeItem: { item: "collection_rate", fromMonthVolumeCnyMinor: 500_000_000n }, current: { kind: "rate", bps: 40 }, upcoming: { kind: "rate", bps: 45 }, changes: ["raised"] },
    ]);
    const payoutCny = rows.find((row) => row.feeItem.item === "payout_fixed" && row.feeItem.currency === "CNY");
    expect(payoutCny).toMatchObject({ current: { amountMinor: 500n }, upcoming: { amountMinor: 800n }, changes: ["raised"] });
    // The surcharges are a share of the base rate, so a lower base lowers them too.
    expect(rows.find((row) => row.feeItem.item === "risk_surcharge_organization")).toMatchObject({
      current: { percent: 30, rate: "0.0018" },
      upcoming: { percent: 30, rate: "0.00165" },
      changes: ["lowered"],
    });
    expect(rows.filter((row) => row.changes.length === 0).map((row) => row.feeItem.item)).not.toContain("collection_rate");
  });

  it("marks a country surcharge both ways when one country is added and another dropped", () => {
    const upcoming = next({ riskSurcharge: { ...current.riskSurcharge, highRiskCountries: [...current.riskSurcharge.highRiskCountries.filter((c) => c !== "RU"), "VE"] } });
    const row = feeTable(current, upcoming).find((r) => r.feeItem.item === "risk_surcharge_country")!;
    expect(row.changes).toEqual(["lowered", "raised"]);
    expect(row.upcoming).toMatchObject({ countries: expect.arrayContaining(["VE"]) });
  });

  it("shows a fixed fee charged only by the upcoming schedule against nothing", () => {
    const row = feeTable(current, next({ statementImportFixed: { CNY: 200n } })).find((r) => r.feeItem.item === "statement_import_fixed")!;
    expect(row).toEqual({ feeItem: { item: "statement_import_fixed", currency: "CNY" }, current: { kind: "fixed", amountMinor: 0n }, upcoming: { kind: "fixed", amountMinor: 200n }, changes: ["raised"] });
  });
});
