import { asc, eq } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { feeSchedules } from "@/db/schema";
import { type FeeSchedule, fromStoredFeeSchedule, STANDARD_FEE_SCHEDULE, scheduleInEffect, upcomingSchedule } from "@/lib/domain/fees";

/** Every published version of the organization's fee schedule, oldest first; the standard schedule when none. */
export async function feeScheduleVersions(organizationId: string, executor: Executor = db()): Promise<FeeSchedule[]> {
  const rows = await executor
    .select({ schedule: feeSchedules.schedule })
    .from(feeSchedules)
    .where(eq(feeSchedules.organizationId, organizationId))
    .orderBy(asc(feeSchedules.version));
  return rows.length === 0 ? [STANDARD_FEE_SCHEDULE] : rows.map((row) => fromStoredFeeSchedule(row.schedule));
}

/** The schedule that prices the organization's activity on `date` (YYYY-MM-DD, China time). */
export async function feeScheduleOn(organizationId: string, date: string, executor: Executor = db()): Promise<FeeSchedule> {
  const versions = await feeScheduleVersions(organizationId, executor);
  return scheduleInEffect(versions, date) ?? versions[0]!;
}

/** The schedule in effect on `date` and the next published one, for showing side by side. */
export async function currentAndUpcomingFeeSchedules(organizationId: string, date: string, executor: Executor = db()) {
  const versions = await feeScheduleVersions(organizationId, executor);
  return { current: scheduleInEffect(versions, date) ?? versions[0]!, upcoming: upcomingSchedule(versions, date) };
}
