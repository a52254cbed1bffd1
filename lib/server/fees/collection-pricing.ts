import { sql } from "drizzle-orm";
import { db, type Executor, type Transaction } from "@/db/client";
import { type CollectionFeeTerms, collectionPartFees } from "@/lib/domain/collections";
import type { FeeLine, FeeSchedule } from "@/lib/domain/fees";
import type { RateBook } from "@/lib/domain/fx";
import type { RiskLevel } from "@/lib/domain/kyb/risk";
import type { CurrencyCode } from "@/lib/domain/money";
import { addToMonthVolume, chinaDate, chinaMonth, cnyRateBook, lockMonthVolume, monthVolume, volumeCnyMinor } from "./collection-volumes";
import { feeScheduleOn } from "./schedules";

/** The risk level KYB approved the organization at; "standard" until an application is approved. */
export async function organizationRiskLevel(executor: Executor, organizationId: string): Promise<RiskLevel> {
  const [row] = await executor.execute<{ risk_level: string | null }>(
    sql`select risk_level from kyb_applications where organization_id = ${organizationId} and status = 'approved'`,
  );
  return row?.risk_level === "high" ? "high" : "standard";
}

/** The terms a collection would be priced on now, the payer's country aside: for showing a fee before a match. */
export async function collectionFeeTerms(organizationId: string, at: Date = new Date(), executor: Executor = db()): Promise<Omit<CollectionFeeTerms, "country">> {
  const [schedule, monthVolumeCnyMinor, riskLevel] = await Promise.all([
    feeScheduleOn(organizationId, chinaDate(at), executor),
    monthVolume(executor, organizationId, chinaMonth(at)),
    organizationRiskLevel(executor, organizationId),
  ]);
  return { schedule, monthVolumeCnyMinor, riskLevel };
}

export interface PricedCollection {
  /** The fee lines of each part, in the order given. */
  fees: FeeLine[][];
  /** What each part adds to the month's volume, in CNY. */
  volumeCnyMinor: bigint[];
}

/**
 * Prices an organization's collections in one transaction, one after another, each at the tier the month's
 * volume reached before it; `save` writes the volume they add. Made by lockCollectionPricing.
 */
export class CollectionPricer {
  private added = 0n;

  constructor(
    readonly organizationId: string,
    /** When the fees are charged: the schedule's date and the volume's month are China time at this moment. */
    readonly at: Date,
    private readonly schedule: FeeSchedule,
    private readonly riskLevel: RiskLevel,
    private volume: bigint,
    private readonly rates: RateBook,
  ) {}

  /** One collection: the parts of one payment applied to one invoice at once, paid from `country`. */
  price(currency: CurrencyCode, country: string | null, partAmountsMinor: readonly bigint[]): PricedCollection {
    const fees = collectionPartFees({ schedule: this.schedule, monthVolumeCnyMinor: this.volume, riskLevel: this.riskLevel, country }, currency, partAmountsMinor);
    const volumes = partAmountsMinor.map((amountMinor) => volumeCnyMinor(this.rates, amountMinor, currency));
    const total = volumes.reduce((sum, volume) => sum + volume, 0n);
    this.volume += total;
    this.added += total;
    return { fees, volumeCnyMinor: volumes };
  }

  /** Adds what was priced since the last save to the month's volume (its row is locked already). */
  async save(executor: Executor): Promise<void> {
    await addToMonthVolume(executor, this.organizationId, chinaMonth(this.at), this.added);
    this.added = 0n;
  }
}

/**
 * Locks the organization's month volume and loads what prices its collections in `currencies` at `at`: the fee
 * schedule in effect, the KYB risk level and the mid rates to CNY. Call it after locking the payments and invoices
 * (the volume row is the last lock the organization's fee pricing takes).
 */
export async function lockCollectionPricing(tx: Transaction, organizationId: string, currencies: readonly string[], at: Date = new Date()): Promise<CollectionPricer> {
  const volume = await lockMonthVolume(tx, organizationId, chinaMonth(at));
  const [schedule, riskLevel, rates] = await Promise.all([
    feeScheduleOn(organizationId, chinaDate(at), tx),
    organizationRiskLevel(tx, organizationId),
    cnyRateBook(tx, currencies),
  ]);
  return new CollectionPricer(organizationId, at, schedule, riskLevel, volume, rates);
}

/** Takes an unmatched collection's part off the volume of the month it was counted in. */
export async function uncountCollection(executor: Executor, organizationId: string, countedAt: Date, volumeCnyMinor: bigint): Promise<void> {
  await addToMonthVolume(executor, organizationId, chinaMonth(countedAt), -volumeCnyMinor);
}
