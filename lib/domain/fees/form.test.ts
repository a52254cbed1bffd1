import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { feeScheduleToForm, type FeeScheduleForm, parseCountryList, parseFeeScheduleForm, percentToBps } from "./form";
import { type FeeSchedule, STANDARD_FEE_SCHEDULE } from "./schedule";

const standardForm = (): FeeScheduleForm => feeScheduleToForm(STANDARD_FEE_SCHEDULE, "2027-01-01");

function parsed(form: FeeScheduleForm) {
  const result = parseFeeScheduleForm(form);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.draft;
}

function issues(form: FeeScheduleForm) {
  const result = parseFeeScheduleForm(form);
  if (result.ok) throw new Error("expected the form to be refused");
  return result.issues;
}

describe("percentToBps", () => {
  it("reads percentages with up to two decimals as whole basis points", () => {
    expect(percentToBps("0.6")).toBe(60);
    expect(percentToBps("0.60 %")).toBe(60);
    expect(percentToBps("1")).toBe(100);
    expect(percentToBps("０．５５")).toBe(55);
    expect(percentToBps("0")).toBe(0);
  });

  it("refuses what is not a whole number of basis points", () => {
    for (const text of ["0.605", "-1", "abc", "", "1e2", "0,6"]) expect(percentToBps(text), text).toBeNull();
  });

  it("gives back every whole bps written as a percentage", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 99_999 }), (bps) => percentToBps(`${Math.floor(bps / 100)}.${String(bps % 100).padStart(2, "0")}`) === bps));
  });
});

describe("parseCountryList", () => {
  it("takes any separator and case, each country once", () => {
    expect(parseCountryList("ir, kp；SY、ir\nRU")).toEqual(["IR", "KP", "SY", "RU"]);
    expect(parseCountryList("  ")).toEqual([]);
  });
});

describe("the admin form", () => {
  it("gives back the schedule it was filled with", () => {
    const draft = parsed(standardForm());
    const { version: _version, ...standard } = { ...STANDARD_FEE_SCHEDULE, effectiveFrom: "2027-01-01" };
    expect(draft).toEqual({
      ...standard,
      collection: { ...standard.collection, volumeTiers: [...standard.collection.volumeTiers] },
      riskSurcharge: { ...standard.riskSurcharge, highRiskCountries: [...standard.riskSurcharge.highRiskCountries] },
      fx: { tiers: [...standard.fx.tiers] },
    } satisfies Omit<FeeSchedule, "version">);
  });

  it("drops empty rows, sorts tiers, and leaves a fee of zero or nothing uncharged", () => {
    const form = standardForm();
    form.volumeTiers = [{ from: "5,000,000", rate: "0.4" }, { from: "", rate: "" }, { from: "1000000", rate: "0.5" }];
    form.fixedFees = [
      { currency: "CNY", payout: "8", statementImport: "0", chargeback: "" },
      { currency: "USD", payout: "", statementImport: "", chargeback: "" },
    ];
    form.fxTiers = [{ from: "100,000", spread: "0.3", fee: "" }, { from: "", spread: "0.5", fee: "0.05" }];
    const draft = parsed(form);
    expect(draft.collection.volumeTiers).toEqual([
      { fromMonthVolumeCnyMinor: 100_000_000n, bps: 50 },
      { fromMonthVolumeCnyMinor: 500_000_000n, bps: 40 },
    ]);
    expect(draft.payoutFixed).toEqual({ CNY: 800n });
    expect(draft.statementImportFixed).toEqual({});
    expect(draft.chargebackFixed).toEqual({});
    expect(draft.fx.tiers).toEqual([
      { fromCnyMinor: 0n, spreadBps: 50, feeBps: 5 },
      { fromCnyMinor: 10_000_000n, spreadBps: 30, feeBps: 0 },
    ]);
  });

  it("points at the field that cannot be read", () => {
    const form = standardForm();
    form.baseRate = "0.605";
    form.volumeTiers = [{ from: "lots", rate: "0.5" }, { from: "2000000", rate: "" }];
    form.riskOrganizationPercent = "thirty";
    form.fixedFees = [{ currency: "XXY", payout: "1", statementImport: "", chargeback: "" }, { currency: "JPY", payout: "1.5", statementImport: "", chargeback: "" }];
    expect(issues(form)).toEqual([
      { path: ["baseRate"], code: "rate_format" },
      { path: ["volumeTiers", 0, "from"], code: "amount_format" },
      { path: ["volumeTiers", 1, "rate"], code: "required" },
      { path: ["fixedFees", 0, "currency"], code: "currency_unknown" },
      { path: ["fixedFees", 1, "payout"], code: "amount_format" },
      { path: ["riskOrganizationPercent"], code: "percent_format" },
    ]);
  });

  it("checks the whole schedule through the domain rules, by group", () => {
    const form = standardForm();
    form.volumeTiers = [{ from: "1,000,000", rate: "0.7" }];
    form.riskCountryPercent = "10";
    form.riskCountries = "IR, Iran";
    form.fxTiers = [{ from: "10", spread: "0.5", fee: "" }];
    form.effectiveFrom = "2027-02-30";
    expect(issues(form)).toEqual(
      expect.arrayContaining([
        { path: ["effectiveFrom"], code: "effective_from_invalid" },
        { path: ["volumeTiers"], code: "volume_tier_rate_not_lower" },
        { path: ["riskSurcharge"], code: "risk_surcharge_out_of_range" },
        { path: ["riskCountries"], code: "risk_country_invalid" },
        { path: ["fxTiers"], code: "fx_first_tier_not_zero" },
      ]),
    );
  });
});
