import { FxDecimal } from "../fx/decimal";
import { cnyEquivalent } from "../fx/quote";
import { compareBuckets, dueBucket, type DueBucketKey } from "./due-months";
import type { CnyRate, FreshCnyRate } from "./rates";

export const HOME_CURRENCY = "CNY";

/** What one instalment still owes: amount − paid, in the invoice's currency; the due date is null until the B/L date is known. */
export interface OpenReceivable {
  currency: string;
  outstandingMinor: bigint;
  dueDate: string | null;
}

/** One ledger account of the organization: any kind (available, pending, reserved, unapplied, buyer_credit) counts. */
export interface HeldBalance {
  currency: string;
  amountMinor: bigint;
}

export interface CnyAmounts {
  receivablesMinor: bigint;
  balancesMinor: bigint;
  totalMinor: bigint;
}

export interface CurrencyExposure {
  currency: string;
  receivablesMinor: bigint;
  balancesMinor: bigint;
  totalMinor: bigint;
  rate: CnyRate;
  /** In CNY fen, each side converted and rounded half-even on its own; null without a fresh rate. */
  cny: CnyAmounts | null;
  /** This currency's part of the CNY equivalent of all priced foreign currencies, in percent with 2 decimals. */
  sharePercent: string | null;
}

export interface DueBucketExposure {
  key: DueBucketKey;
  byCurrency: { currency: string; amountMinor: bigint; cnyMinor: bigint | null }[];
  /** Sum of the priced currencies' CNY equivalents. */
  cnyMinor: bigint;
}

export interface Exposure {
  /** Foreign currencies only, largest CNY equivalent first; those without a fresh rate last, by code. */
  currencies: CurrencyExposure[];
  /** Amounts already in CNY: no currency risk, shown apart. */
  home: { receivablesMinor: bigint; balancesMinor: bigint };
  /** Sums over the priced foreign currencies. */
  totals: CnyAmounts;
  /** Foreign currencies held or owed that have no fresh rate, so are not in the totals. */
  unpriced: string[];
  /** Open foreign receivables by due bucket. */
  dueBuckets: DueBucketExposure[];
  /** The oldest rate used, and every source used. */
  ratesAsOf: Date | null;
  rateSources: string[];
}

export interface ExposureInput {
  receivables: readonly OpenReceivable[];
  balances: readonly HeldBalance[];
  rates: ReadonlyMap<string, CnyRate>;
  /** The organization's calendar date, `YYYY-MM-DD`. */
  today: string;
}

function addTo(map: Map<string, bigint>, key: string, amount: bigint) {
  map.set(key, (map.get(key) ?? 0n) + amount);
}

function freshRate(rates: ReadonlyMap<string, CnyRate>, currency: string): FreshCnyRate | null {
  const rate = rates.get(currency);
  return rate?.status === "fresh" ? rate : null;
}

/** part / whole in percent, 2 decimals, half-even. */
export function percentOf(part: bigint, whole: bigint): string {
  return new FxDecimal(part.toString()).times(100).dividedBy(whole.toString()).toDecimalPlaces(2).toFixed(2);
}

/** Open receivables and balances per currency, their CNY equivalents at today's fresh rates, and receivables by due month. */
export function computeExposure({ receivables, balances, rates, today }: ExposureInput): Exposure {
  const owed = new Map<string, bigint>();
  const held = new Map<string, bigint>();
  for (const receivable of receivables) addTo(owed, receivable.currency, receivable.outstandingMinor);
  for (const balance of balances) addTo(held, balance.currency, balance.amountMinor);

  const foreign = [...new Set([...owed.keys(), ...held.keys()])].filter((currency) => currency !== HOME_CURRENCY);
  const totals: CnyAmounts = { receivablesMinor: 0n, balancesMinor: 0n, totalMinor: 0n };
  const sources = new Set<string>();
  let ratesAsOf: Date | null = null;
  const rows: CurrencyExposure[] = [];
  for (const currency of foreign) {
    const receivablesMinor = owed.get(currency) ?? 0n;
    const balancesMinor = held.get(currency) ?? 0n;
    if (receivablesMinor === 0n && balancesMinor === 0n) continue;
    const rate = rates.get(currency) ?? { status: "unavailable" as const };
    let cny: CnyAmounts | null = null;
    if (rate.status === "fresh") {
      const receivablesCny = cnyEquivalent(receivablesMinor, currency, rate.mid);
      const balancesCny = cnyEquivalent(balancesMinor, currency, rate.mid);
      cny = { receivablesMinor: receivablesCny, balancesMinor: balancesCny, totalMinor: receivablesCny + balancesCny };
      totals.receivablesMinor += receivablesCny;
      totals.balancesMinor += balancesCny;
      totals.totalMinor += cny.totalMinor;
      sources.add(rate.source);
      if (!ratesAsOf || rate.asOf < ratesAsOf) ratesAsOf = rate.asOf;
    }
    rows.push({ currency, receivablesMinor, balancesMinor, totalMinor: receivablesMinor + balancesMinor, rate, cny, sharePercent: null });
  }
  for (const row of rows) {
    if (row.cny && totals.totalMinor !== 0n) row.sharePercent = percentOf(row.cny.totalMinor, totals.totalMinor);
  }
  rows.sort((a, b) => {
    if (a.cny && b.cny) return a.cny.totalMinor === b.cny.totalMinor ? a.currency.localeCompare(b.currency) : a.cny.totalMinor > b.cny.totalMinor ? -1 : 1;
    if (a.cny || b.cny) return a.cny ? -1 : 1;
    return a.currency.localeCompare(b.currency);
  });

  return {
    currencies: rows,
    home: { receivablesMinor: owed.get(HOME_CURRENCY) ?? 0n, balancesMinor: held.get(HOME_CURRENCY) ?? 0n },
    totals,
    unpriced: rows.filter((row) => !row.cny).map((row) => row.currency),
    dueBuckets: bucketReceivables(receivables, rates, today),
    ratesAsOf,
    rateSources: [...sources].sort(),
  };
}

function bucketReceivables(receivables: readonly OpenReceivable[], rates: ReadonlyMap<string, CnyRate>, today: string): DueBucketExposure[] {
  const buckets = new Map<DueBucketKey, Map<string, bigint>>();
  for (const receivable of receivables) {
    if (receivable.currency === HOME_CURRENCY || receivable.outstandingMinor === 0n) continue;
    const key = dueBucket(receivable.dueDate, today);
    let byCurrency = buckets.get(key);
    if (!byCurrency) buckets.set(key, (byCurrency = new Map()));
    addTo(byCurrency, receivable.currency, receivable.outstandingMinor);
  }
  return [...buckets.entries()]
    .sort(([a], [b]) => compareBuckets(a, b))
    .map(([key, byCurrency]) => {
      let cnyMinor = 0n;
      const amounts = [...byCurrency.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([currency, amountMinor]) => {
          const rate = freshRate(rates, currency);
          const converted = rate ? cnyEquivalent(amountMinor, currency, rate.mid) : null;
          if (converted !== null) cnyMinor += converted;
          return { currency, amountMinor, cnyMinor: converted };
        });
      return { key, byCurrency: amounts, cnyMinor };
    });
}
