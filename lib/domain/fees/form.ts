import { COLLECTION_CURRENCIES } from "../banking/schemes";
import { bpsPercent, type PricingTier } from "../fx/pricing";
import { isCurrencyCode, parseAmount, toDecimalString } from "../money";
import type { FeeSchedule, FixedFees, VolumeTier } from "./schedule";
import { type FeeScheduleProblem, feeScheduleProblems } from "./validate";

/** A schedule as the admin form holds it: rates as percentages ("0.6"), amounts as typed, countries as one list. */
export interface FeeScheduleForm {
  effectiveFrom: string;
  baseRate: string;
  volumeTiers: { from: string; rate: string }[];
  riskOrganizationPercent: string;
  riskCountryPercent: string;
  riskCountries: string;
  expeditedRate: string;
  fixedFees: { currency: string; payout: string; statementImport: string; chargeback: string }[];
  fxTiers: { from: string; spread: string; fee: string }[];
}

/** A schedule before it is published: the version number is the next one, given at publication. */
export type FeeScheduleDraft = Omit<FeeSchedule, "version">;

export type FeeFormIssueCode = "required" | "rate_format" | "percent_format" | "amount_format" | "currency_unknown" | FeeScheduleProblem;

/** What is wrong and where: `path` names the form field, or the group a whole-schedule problem belongs to. */
export interface FeeFormIssue {
  path: (string | number)[];
  code: FeeFormIssueCode;
}

export type ParsedFeeScheduleForm = { ok: true; draft: FeeScheduleDraft } | { ok: false; issues: FeeFormIssue[] };

const FIXED_KINDS = ["payout", "statementImport", "chargeback"] as const;

/** Full-width digits and punctuation typed with a Chinese IME read as ASCII; a trailing "%" is allowed. */
function normalize(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3002/g, ".")
    .replace(/\s+/g, "")
    .replace(/%$/, "");
}

/** "0.6" (percent) → 60 bps; at most two decimals, since a rate is a whole number of basis points. */
export function percentToBps(text: string): number | null {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(normalize(text));
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

function wholePercent(text: string): number | null {
  const value = normalize(text);
  if (value === "") return 0;
  return /^\d{1,3}$/.test(value) ? Number(value) : null;
}

/** "ir, kp；SY" → ["IR", "KP", "SY"]: any separator, upper case, each once. */
export function parseCountryList(text: string): string[] {
  const codes = text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .split(/[\s,;、]+/)
    .map((code) => code.trim().toUpperCase())
    .filter((code) => code !== "");
  return [...new Set(codes)];
}

const ascending = <T>(key: (item: T) => bigint) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/** Which form group a whole-schedule problem is shown with. */
const PROBLEM_PATH: Record<FeeScheduleProblem, string> = {
  version_invalid: "_",
  effective_from_invalid: "effectiveFrom",
  base_rate_out_of_range: "collection",
  too_many_volume_tiers: "volumeTiers",
  volume_threshold_not_positive: "volumeTiers",
  volume_thresholds_not_increasing: "volumeTiers",
  volume_tier_rate_not_lower: "volumeTiers",
  risk_surcharge_out_of_range: "riskSurcharge",
  risk_country_invalid: "riskCountries",
  fixed_fee_currency_unknown: "fixedFees",
  fixed_fee_negative: "fixedFees",
  expedited_rate_out_of_range: "expeditedRate",
  fx_no_tiers: "fxTiers",
  fx_too_many_tiers: "fxTiers",
  fx_first_tier_not_zero: "fxTiers",
  fx_tiers_not_increasing: "fxTiers",
  fx_spread_out_of_range: "fxTiers",
  fx_fee_out_of_range: "fxTiers",
};

const isBlank = (...values: string[]) => values.every((value) => value.trim() === "");

/**
 * Reads the admin form into a draft schedule, then checks it with feeScheduleProblems. Rows left empty are
 * dropped; tiers are sorted by threshold; a fixed fee left empty or zero is not charged. The checks run as on a
 * first version: the version number is given at publication and is not the form's to get wrong.
 */
export function parseFeeScheduleForm(form: FeeScheduleForm): ParsedFeeScheduleForm {
  const issues: FeeFormIssue[] = [];
  const rate = (text: string, path: FeeFormIssue["path"]): number => {
    if (text.trim() === "") issues.push({ path, code: "required" });
    else {
      const bps = percentToBps(text);
      if (bps !== null) return bps;
      issues.push({ path, code: "rate_format" });
    }
    return 0;
  };
  const amount = (text: string, currency: string, path: FeeFormIssue["path"], emptyIsZero: boolean): bigint => {
    if (text.trim() === "" && emptyIsZero) return 0n;
    const parsed = parseAmount(text, currency, { allowZero: true });
    if (parsed.ok) return parsed.amountMinor;
    issues.push({ path, code: parsed.error === "empty" ? "required" : "amount_format" });
    return 0n;
  };
  const percent = (text: string, path: FeeFormIssue["path"]): number => {
    const value = wholePercent(text);
    if (value === null) issues.push({ path, code: "percent_format" });
    return value ?? 0;
  };

  const baseBps = rate(form.baseRate, ["baseRate"]);
  const volumeTiers: VolumeTier[] = form.volumeTiers.flatMap((tier, index) =>
    isBlank(tier.from, tier.rate)
      ? []
      : [{ fromMonthVolumeCnyMinor: amount(tier.from, "CNY", ["volumeTiers", index, "from"], false), bps: rate(tier.rate, ["volumeTiers", index, "rate"]) }],
  );

  const fixed: Record<(typeof FIXED_KINDS)[number], Record<string, bigint>> = { payout: {}, statementImport: {}, chargeback: {} };
  form.fixedFees.forEach((row, index) => {
    if (isBlank(row.payout, row.statementImport, row.chargeback)) return;
    if (!isCurrencyCode(row.currency)) {
      issues.push({ path: ["fixedFees", index, "currency"], code: "currency_unknown" });
      return;
    }
    for (const kind of FIXED_KINDS) {
      const minor = amount(row[kind], row.currency, ["fixedFees", index, kind], true);
      if (minor > 0n) fixed[kind][row.currency] = minor;
    }
  });

  const fxTiers: PricingTier[] = form.fxTiers.flatMap((tier, index) =>
    isBlank(tier.from, tier.spread, tier.fee)
      ? []
      : [
          {
            fromCnyMinor: amount(tier.from, "CNY", ["fxTiers", index, "from"], true),
            spreadBps: rate(tier.spread, ["fxTiers", index, "spread"]),
            feeBps: tier.fee.trim() === "" ? 0 : rate(tier.fee, ["fxTiers", index, "fee"]),
          },
        ],
  );

  const draft: FeeScheduleDraft = {
    effectiveFrom: form.effectiveFrom.trim(),
    collection: { baseBps, volumeTiers: volumeTiers.sort(ascending((tier) => tier.fromMonthVolumeCnyMinor)) },
    riskSurcharge: {
      highRiskOrganizationPercent: percent(form.riskOrganizationPercent, ["riskOrganizationPercent"]),
      highRiskCountryPercent: percent(form.riskCountryPercent, ["riskCountryPercent"]),
      highRiskCountries: parseCountryList(form.riskCountries),
    },
    payoutFixed: fixed.payout,
    statementImportFixed: fixed.statementImport,
    expeditedPayoutBps: rate(form.expeditedRate, ["expeditedRate"]),
    chargebackFixed: fixed.chargeback,
    fx: { tiers: fxTiers.sort(ascending((tier) => tier.fromCnyMinor)) },
  };
  if (issues.length > 0) return { ok: false, issues };

  const problems = feeScheduleProblems({ ...draft, version: 1 });
  if (problems.length > 0) return { ok: false, issues: problems.map((code) => ({ path: [PROBLEM_PATH[code]], code })) };
  return { ok: true, draft };
}

function fixedText(fees: FixedFees, currency: string): string {
  const minor = fees[currency];
  return minor ? toDecimalString(minor, currency) : "";
}

/** The currencies the form offers fixed fees in: CNY, the others collected, then any other the schedule charges. */
export function fixedFeeCurrencies(schedule: FeeSchedule): string[] {
  const charged = [schedule.payoutFixed, schedule.statementImportFixed, schedule.chargebackFixed].flatMap((fees) => Object.keys(fees));
  return [...new Set<string>(["CNY", ...COLLECTION_CURRENCIES, ...charged.sort()])];
}

/** The form prefilled with `schedule`, to publish a new version from; the effective date is the caller's. */
export function feeScheduleToForm(schedule: FeeSchedule, effectiveFrom: string): FeeScheduleForm {
  return {
    effectiveFrom,
    baseRate: bpsPercent(schedule.collection.baseBps),
    volumeTiers: schedule.collection.volumeTiers.map((tier) => ({ from: toDecimalString(tier.fromMonthVolumeCnyMinor, "CNY"), rate: bpsPercent(tier.bps) })),
    riskOrganizationPercent: String(schedule.riskSurcharge.highRiskOrganizationPercent),
    riskCountryPercent: String(schedule.riskSurcharge.highRiskCountryPercent),
    riskCountries: schedule.riskSurcharge.highRiskCountries.join(", "),
    expeditedRate: bpsPercent(schedule.expeditedPayoutBps),
    fixedFees: fixedFeeCurrencies(schedule).map((currency) => ({
      currency,
      payout: fixedText(schedule.payoutFixed, currency),
      statementImport: fixedText(schedule.statementImportFixed, currency),
      chargeback: fixedText(schedule.chargebackFixed, currency),
    })),
    fxTiers: schedule.fx.tiers.map((tier) => ({ from: toDecimalString(tier.fromCnyMinor, "CNY"), spread: bpsPercent(tier.spreadBps), fee: bpsPercent(tier.feeBps) })),
  };
}
