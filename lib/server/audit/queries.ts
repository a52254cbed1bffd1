import { and, desc, eq, gte, ilike, isNull, lt, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { db, type Executor } from "@/db/client";
import { auditLog, organizations, users } from "@/db/schema";
import { endOfLocalDate, startOfLocalDate } from "@/lib/domain/time/local-day";

export const auditFilterSchema = z.object({
  actor: z.string().trim().max(254).optional().default(""),
  action: z.string().trim().max(100).optional().default(""),
  from: z.iso.date().optional().or(z.literal("")).default(""),
  to: z.iso.date().optional().or(z.literal("")).default(""),
  before: z.string().regex(/^\d{1,19}$/).optional().or(z.literal("")).default(""),
});
export type AuditFilter = z.output<typeof auditFilterSchema>;

export const AUDIT_PAGE_SIZE = 50;
const actor = alias(users, "actor");

/** Newest first, keyset-paginated on the id; `organizationId` null means every organization (platform admins). */
export async function queryAuditLog(executor: Executor, organizationId: string | null, filter: AuditFilter, limit = AUDIT_PAGE_SIZE) {
  const conditions: SQL[] = [];
  if (organizationId) conditions.push(eq(auditLog.organizationId, organizationId));
  if (filter.actor) conditions.push(ilike(actor.email, `%${escapeLike(filter.actor)}%`));
  // A factory sees that Quayside staff acted, not which staff member: reviewers stay anonymous to applicants.
  if (filter.actor && organizationId) conditions.push(isNull(actor.staffRole));
  if (filter.action) conditions.push(ilike(auditLog.action, `${escapeLike(filter.action)}%`));
  if (filter.from) conditions.push(gte(auditLog.at, startOfLocalDate(filter.from)));
  if (filter.to) conditions.push(lt(auditLog.at, endOfLocalDate(filter.to)));
  if (filter.before) conditions.push(lt(auditLog.id, BigInt(filter.before)));
  const rows = await executor
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      target: auditLog.target,
      summary: auditLog.summary,
      ip: auditLog.ip,
      actorEmail: actor.email,
      actorIsStaff: sql<boolean>`${actor.staffRole} is not null`,
      organization: organizations.name,
    })
    .from(auditLog)
    .leftJoin(actor, eq(actor.id, auditLog.actorUserId))
    .leftJoin(organizations, eq(organizations.id, auditLog.organizationId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  const page = rows
    .slice(0, limit)
    .map((row) => (organizationId && row.actorIsStaff ? { ...row, actorEmail: null, ip: null } : row));
  return { rows: page, nextBefore: rows.length > limit ? page.at(-1)!.id.toString() : null };
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** One page of the audit log for a page to show (the page has already checked who may see it). */
export function auditPage(organizationId: string | null, filter: AuditFilter) {
  return queryAuditLog(db(), organizationId, filter);
}
