import type { CurrencyCode } from "../money";
import { chargebackFee, collectionFee, type FeeLine, payoutFees, totalFees } from "./calculate";
import type { FeeSchedule } from "./schedule";

export type ExampleKind = "collection" | "collection_high_risk_country" | "payout" | "payout_expedited" | "chargeback";

export interface ExampleFees {
  lines: FeeLine[];
  totalMinor: bigint;
}

/** One everyday case priced by the current and the upcoming schedule, with the same inputs. */
export interface WorkedExample {
  kind: ExampleKind;
  currency: CurrencyCode;
  /** The amount collected or paid out; null for a fee that does not depend on one. */
  amountMinor: bigint | null;
  /** The payer's country, for the high-risk country case. */
  country: string | null;
  current: ExampleFees;
  upcoming: ExampleFees | null;
}

/** USD 10,000 collected, the first collection of the month, from an organization of standard risk. */
export const EXAMPLE_COLLECTION = { amountMinor: 1_000_000n, currency: "USD" } as const;
/** CNY 100,000 paid out to the home bank account. */
export const EXAMPLE_PAYOUT = { amountMinor: 10_000_000n, currency: "CNY" } as const;
export const EXAMPLE_CHARGEBACK_CURRENCY = "USD";

function priced(currency: CurrencyCode, lines: FeeLine[]): ExampleFees {
  return { lines, totalMinor: totalFees(currency, lines) };
}

/** The fees of a few everyday cases under `current` and `upcoming`, computed by the same code that charges them. */
export function workedExamples(current: FeeSchedule, upcoming: FeeSchedule | null): WorkedExample[] {
  const cases: { kind: ExampleKind; currency: CurrencyCode; amountMinor: bigint | null; country: string | null; fees: (s: FeeSchedule) => FeeLine[] }[] = [];
  const collection = (country: string | null) => (s: FeeSchedule) => collectionFee(s, { ...EXAMPLE_COLLECTION, monthVolumeCnyMinor: 0n, riskLevel: "standard", country });
  cases.push({ kind: "collection", ...EXAMPLE_COLLECTION, country: null, fees: collection(null) });
  // A listed country of either schedule, so that a country added or dropped shows in the example.
  const country = [current, upcoming].flatMap((s) => (s ? [...s.riskSurcharge.highRiskCountries].sort() : []))[0] ?? null;
  if (country) cases.push({ kind: "collection_high_risk_country", ...EXAMPLE_COLLECTION, country, fees: collection(country) });
  cases.push({ kind: "payout", ...EXAMPLE_PAYOUT, country: null, fees: (s) => payoutFees(s, { ...EXAMPLE_PAYOUT, expedited: false }) });
  cases.push({ kind: "payout_expedited", ...EXAMPLE_PAYOUT, country: null, fees: (s) => payoutFees(s, { ...EXAMPLE_PAYOUT, expedited: true }) });
  cases.push({ kind: "chargeback", currency: EXAMPLE_CHARGEBACK_CURRENCY, amountMinor: null, country: null, fees: (s) => chargebackFee(s, { currency: EXAMPLE_CHARGEBACK_CURRENCY }) });

  return cases.map(({ fees, ...example }) => ({
    ...example,
    current: priced(example.currency, fees(current)),
    upcoming: upcoming ? priced(example.currency, fees(upcoming)) : null,
  }));
}
