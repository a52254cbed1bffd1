import { daysBetween } from "../invoices/dates";
import { quotientInTenths } from "./tenths";

/** One instalment of a buyer, for lateness. */
export interface InstalmentTiming {
  readonly buyerId: string;
  readonly dueDate: string | null;
  /** The date it was paid in full, or null while open. */
  readonly paidOn: string | null;
}

/** Per buyer: days late summed over the instalments that count, and how many count. Pre-aggregated rows fit too. */
export interface BuyerLateness {
  readonly buyerId: string;
  readonly lateDays: number;
  readonly instalments: number;
}

/**
 * Days late per instalment: paid → paid date − due date, early or on time counting 0; open and past due → as-of
 * date − due date; open and not yet due, or without a due date → not counted (its lateness is not known yet).
 */
export function buyerLateness(instalments: readonly InstalmentTiming[], asOf: string): BuyerLateness[] {
  const totals = new Map<string, { lateDays: number; instalments: number }>();
  for (const { buyerId, dueDate, paidOn } of instalments) {
    if (dueDate === null) continue;
    if (paidOn === null && dueDate >= asOf) continue;
    const late = Math.max(0, daysBetween(dueDate, paidOn ?? asOf));
    const total = totals.get(buyerId) ?? { lateDays: 0, instalments: 0 };
    totals.set(buyerId, { lateDays: total.lateDays + late, instalments: total.instalments + 1 });
  }
  return [...totals.entries()].map(([buyerId, total]) => ({ buyerId, ...total }));
}

export interface BuyerOutstanding {
  readonly buyerId: string;
  readonly name: string;
  /** What the buyer owes per currency. */
  readonly outstanding: readonly { readonly currency: string; readonly amountMinor: bigint }[];
  /** Its CNY equivalent: the ranking figure. */
  readonly outstandingCnyMinor: bigint;
}

export interface TopBuyer extends BuyerOutstanding {
  /** Mean days late with one decimal, half-even; null when no instalment counts yet. */
  readonly averageDaysLate: string | null;
}

/** lateDays ÷ instalments to one decimal, half-even; null with no instalment. */
export function averageDays(lateDays: number, instalments: number): string | null {
  return instalments === 0 ? null : quotientInTenths(BigInt(lateDays), BigInt(instalments));
}

/** The `n` buyers owing the most (CNY equivalent), ties by name then id; buyers owing nothing are left out. */
export function topBuyers(outstanding: readonly BuyerOutstanding[], lateness: readonly BuyerLateness[], n = 10): TopBuyer[] {
  const lateBy = new Map(lateness.map((entry) => [entry.buyerId, entry]));
  return outstanding
    .filter((buyer) => buyer.outstandingCnyMinor > 0n)
    .sort((a, b) => {
      if (a.outstandingCnyMinor !== b.outstandingCnyMinor) return a.outstandingCnyMinor > b.outstandingCnyMinor ? -1 : 1;
      return a.name.localeCompare(b.name) || (a.buyerId < b.buyerId ? -1 : a.buyerId > b.buyerId ? 1 : 0);
    })
    .slice(0, n)
    .map((buyer) => {
      const late = lateBy.get(buyer.buyerId);
      return { ...buyer, averageDaysLate: late ? averageDays(late.lateDays, late.instalments) : null };
    });
}

/**
 * Days late per buyer added up over several sources (paid instalments from one aggregate, open past-due ones from
 * another), each already counted by buyerLateness's rules; buyers with nothing counted are left out.
 */
export function sumLateness(...sources: readonly (readonly BuyerLateness[])[]): BuyerLateness[] {
  const totals = new Map<string, { lateDays: number; instalments: number }>();
  for (const { buyerId, lateDays, instalments } of sources.flat()) {
    const total = totals.get(buyerId) ?? { lateDays: 0, instalments: 0 };
    totals.set(buyerId, { lateDays: total.lateDays + lateDays, instalments: total.instalments + instalments });
  }
  return [...totals.entries()].filter(([, total]) => total.instalments > 0).map(([buyerId, total]) => ({ buyerId, ...total }));
}
