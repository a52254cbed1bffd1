import { tierFor } from "../fx/pricing";
import { collectionBps } from "./calculate";
import { compareSchedules, type Direction, type FeeChange } from "./compare";
import { surchargeRate } from "./rates";
import type { FeeSchedule, FixedFees } from "./schedule";

type FixedItem = "payout_fixed" | "statement_import_fixed" | "chargeback_fixed";

/** What one row of the fee table prices. */
export type FeeItem =
  | { item: "collection_rate"; fromMonthVolumeCnyMinor: bigint }
  | { item: "risk_surcharge_organization" }
  | { item: "risk_surcharge_country" }
  | { item: "expedited_payout" }
  /** `currency` null: the fee is charged in no currency by either schedule. */
  | { item: FixedItem; currency: string | null }
  | { item: "fx_tier"; fromCnyMinor: bigint };

/** A price as a schedule sets it; a surcharge also as the fraction of the amount it adds ("0.0018"). */
export type FeeValue =
  | { kind: "rate"; bps: number }
  | { kind: "surcharge"; percent: number; rate: string; countries: readonly string[] | null }
  | { kind: "fixed"; amountMinor: bigint }
  | { kind: "fx"; spreadBps: number; feeBps: number };

export interface FeeRow {
  feeItem: FeeItem;
  current: FeeValue;
  /** The same price in the upcoming schedule; null when none is published. */
  upcoming: FeeValue | null;
  /** How the upcoming schedule moves this price (both, when it raises it for some and lowers it for others). */
  changes: Direction[];
}

const byAmount = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);

function directions(changes: readonly FeeChange[], matches: (change: FeeChange) => boolean): Direction[] {
  return [...new Set(changes.filter(matches).map((change) => change.direction))].sort();
}

function fixedCurrencies(schedules: readonly FeeSchedule[], pick: (schedule: FeeSchedule) => FixedFees): (string | null)[] {
  const currencies = [...new Set(schedules.flatMap((schedule) => Object.entries(pick(schedule)).filter(([, minor]) => (minor ?? 0n) > 0n).map(([code]) => code)))];
  return currencies.length === 0 ? [null] : currencies.sort((a, b) => (a === "CNY" ? -1 : b === "CNY" ? 1 : a.localeCompare(b)));
}

/**
 * Every price of `current` beside the same price of `upcoming`, row by row, for reading both side by side.
 * Tiered prices get a row at every threshold of either schedule (the price from there on), so the two columns
 * always line up; a row is marked with the direction compareSchedules finds for it.
 */
export function feeTable(current: FeeSchedule, upcoming: FeeSchedule | null): FeeRow[] {
  const schedules = upcoming ? [current, upcoming] : [current];
  const changes = upcoming ? compareSchedules(current, upcoming).changes : [];
  const rows: FeeRow[] = [];
  const push = (feeItem: FeeItem, value: (schedule: FeeSchedule) => FeeValue, matches: (change: FeeChange) => boolean) =>
    rows.push({ feeItem, current: value(current), upcoming: upcoming ? value(upcoming) : null, changes: directions(changes, matches) });

  const volumes = [...new Set([0n, ...schedules.flatMap((s) => s.collection.volumeTiers.map((t) => t.fromMonthVolumeCnyMinor))])].sort(byAmount);
  for (const volume of volumes) {
    push(
      { item: "collection_rate", fromMonthVolumeCnyMinor: volume },
      (s) => ({ kind: "rate", bps: collectionBps(s, volume) }),
      (c) => c.fee === "collection_rate" && c.atMonthVolumeCnyMinor === volume,
    );
  }

  push(
    { item: "risk_surcharge_organization" },
    (s) => ({ kind: "surcharge", percent: s.riskSurcharge.highRiskOrganizationPercent, rate: surchargeRate(s.collection.baseBps, s.riskSurcharge.highRiskOrganizationPercent), countries: null }),
    (c) => c.fee === "risk_surcharge_organization",
  );
  push(
    { item: "risk_surcharge_country" },
    (s) => ({
      kind: "surcharge",
      percent: s.riskSurcharge.highRiskCountryPercent,
      rate: surchargeRate(s.collection.baseBps, s.riskSurcharge.highRiskCountryPercent),
      countries: [...s.riskSurcharge.highRiskCountries].sort(),
    }),
    (c) => c.fee === "risk_surcharge_country",
  );

  const fixed: [FixedItem, (s: FeeSchedule) => FixedFees][] = [
    ["payout_fixed", (s) => s.payoutFixed],
    ["statement_import_fixed", (s) => s.statementImportFixed],
    ["chargeback_fixed", (s) => s.chargebackFixed],
  ];
  for (const [item, pick] of fixed) {
    for (const currency of fixedCurrencies(schedules, pick)) {
      push(
        { item, currency },
        (s) => ({ kind: "fixed", amountMinor: currency === null ? 0n : (pick(s)[currency] ?? 0n) }),
        (c) => c.fee === item && c.currency === currency,
      );
    }
    if (item === "payout_fixed") {
      push({ item: "expedited_payout" }, (s) => ({ kind: "rate", bps: s.expeditedPayoutBps }), (c) => c.fee === "expedited_payout");
    }
  }

  const bounds = [...new Set(schedules.flatMap((s) => s.fx.tiers.map((t) => t.fromCnyMinor)))].sort(byAmount);
  for (const bound of bounds) {
    push(
      { item: "fx_tier", fromCnyMinor: bound },
      (s) => {
        const tier = tierFor(s.fx, bound);
        return { kind: "fx", spreadBps: tier.spreadBps, feeBps: tier.feeBps };
      },
      (c) => (c.fee === "fx_spread" || c.fee === "fx_fee") && c.atCnyMinor === bound,
    );
  }
  return rows;
}
