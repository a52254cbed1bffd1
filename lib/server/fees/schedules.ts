import { asc, eq } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { feeSchedules, fxPricing } from "@/db/schema";
import { currentAndUpcoming, type FeeSchedule, fromStoredFeeSchedule, STANDARD_FEE_SCHEDULE, scheduleInEffect } from "@/lib/domain/fees";
import { fromStoredTiers } from "@/lib/domain/fx";

/**
 * What an organization without a fee schedule of its own is priced on: the standard schedule, with the FX tiers
 * platform admins set for it under FX pricing, if any. Its first published version starts from this.
 */
export async function standardScheduleOf(organizationId: string, executor: Executor = db()): Promise<FeeSchedule> {
  const [pricing] = await executor.select({ tiers: fxPricing.tiers }).from(fxPricing).where(eq(fxPricing.organizationId, organizationId));
  return pricing ? { ...STANDARD_FEE_SCHEDULE, fx: { tiers: fromStoredTiers(pricing.tiers) } } : STANDARD_FEE_SCHEDULE;
}

/** Whether platform admins published a fee schedule for the organization (its FX prices are then set there). */
export async function hasOwnFeeSchedule(organizationId: string, executor: Executor = db()): Promise<boolean> {
  const [row] = await executor.select({ id: feeSchedules.id }).from(feeSchedules).where(eq(feeSchedules.organizationId, organizationId)).limit(1);
  return Boolean(row);
}

/** Every published version of the organization's fee schedule, oldest first; the standard schedule when none. */
export async function feeScheduleVersions(organizationId: string, executor: Executor = db()): Promise<FeeSchedule[]> {
  const rows = await executor
    .select({ schedule: feeSchedules.schedule })
    .from(feeSchedules)
    .where(eq(feeSchedules.organizationId, organizationId))
    .orderBy(asc(feeSchedules.version));
  return rows.length === 0 ? [await standardScheduleOf(organizationId, executor)] : rows.map((row) => fromStoredFeeSchedule(row.schedule));
}

/** The schedule that prices the organization's activity on `date` (YYYY-MM-DD, China time). */
export async function feeScheduleOn(organizationId: string, date: string, executor: Executor = db()): Promise<FeeSchedule> {
  const versions = await feeScheduleVersions(organizationId, executor);
  return scheduleInEffect(versions, date) ?? versions[0]!;
}

/** The schedule in effect on `date` and the next published one, for showing side by side. */
export async function currentAndUpcomingFeeSchedules(organizationId: string, date: string, executor: Executor = db()) {
  return currentAndUpcoming(await feeScheduleVersions(organizationId, executor), date);
}
