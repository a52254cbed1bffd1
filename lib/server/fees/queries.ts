import { asc, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { db, type Executor } from "@/db/client";
import { feeSchedules, organizations, users } from "@/db/schema";
import { compareSchedules, type FeeSchedule, fromStoredFeeSchedule, scheduleInEffect, upcomingSchedule } from "@/lib/domain/fees";
import { currentAndUpcomingFeeSchedules } from "./schedules";

export interface VersionDates {
  version: number;
  effectiveFrom: string;
}

export interface OrganizationFeeStatus {
  id: string;
  name: string;
  slug: string;
  /** False while the organization is on the standard schedule, with no version of its own. */
  own: boolean;
  current: VersionDates | null;
  upcoming: VersionDates | null;
}

/** Every organization with the version it is on and the one coming, for the admin list. */
export async function feeScheduleOverview(date: string, executor: Executor = db()): Promise<OrganizationFeeStatus[]> {
  const [orgs, versions] = await Promise.all([
    executor.select({ id: organizations.id, name: organizations.name, slug: organizations.slug }).from(organizations).orderBy(asc(organizations.name)),
    executor
      .select({ organizationId: feeSchedules.organizationId, version: feeSchedules.version, effectiveFrom: feeSchedules.effectiveFrom })
      .from(feeSchedules)
      .orderBy(asc(feeSchedules.organizationId), asc(feeSchedules.version)),
  ]);
  const byOrganization = new Map<string, VersionDates[]>();
  for (const row of versions) byOrganization.set(row.organizationId, [...(byOrganization.get(row.organizationId) ?? []), row]);
  return orgs.map((organization) => {
    const own = byOrganization.get(organization.id) ?? [];
    return { ...organization, own: own.length > 0, current: scheduleInEffect(own, date), upcoming: upcomingSchedule(own, date) };
  });
}

export interface PublishedVersion {
  version: number;
  effectiveFrom: string;
  publishedAt: Date;
  /** Null for the standard schedule recorded as version 1 when the first own version was published. */
  publishedByName: string | null;
  schedule: FeeSchedule;
}

/** The organization's published versions, newest first; empty while it is on the standard schedule. */
export async function feeScheduleHistory(organizationId: string, executor: Executor = db()): Promise<PublishedVersion[]> {
  const rows = await executor
    .select({ version: feeSchedules.version, effectiveFrom: feeSchedules.effectiveFrom, publishedAt: feeSchedules.publishedAt, publishedByName: users.name, schedule: feeSchedules.schedule })
    .from(feeSchedules)
    .leftJoin(users, eq(users.id, feeSchedules.publishedBy))
    .where(eq(feeSchedules.organizationId, organizationId))
    .orderBy(desc(feeSchedules.version));
  return rows.map((row) => ({ ...row, schedule: fromStoredFeeSchedule(row.schedule) }));
}

/** The organization for the admin page of its fee schedule, or null (also for what is not an id). */
export async function feeScheduleOrganization(organizationId: string, executor: Executor = db()) {
  if (!z.uuid().safeParse(organizationId).success) return null;
  const [organization] = await executor.select({ id: organizations.id, name: organizations.name, slug: organizations.slug }).from(organizations).where(eq(organizations.id, organizationId));
  return organization ?? null;
}

/** What the organization's pages announce while a version is published but not yet in effect; null otherwise. */
export async function upcomingFeeNotice(organizationId: string, date: string, executor: Executor = db()) {
  const { current, upcoming } = await currentAndUpcomingFeeSchedules(organizationId, date, executor);
  if (!upcoming) return null;
  return { version: upcoming.version, effectiveFrom: upcoming.effectiveFrom, raises: compareSchedules(current, upcoming).raises };
}
