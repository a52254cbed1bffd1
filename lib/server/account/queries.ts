import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { db } from "@/db/client";
import { loginEvents, recoveryCodes, sessions } from "@/db/schema";

export function listActiveSessions(userId: string) {
  return db()
    .select({ id: sessions.id, ip: sessions.ip, userAgent: sessions.userAgent, createdAt: sessions.createdAt })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date())))
    .orderBy(desc(sessions.createdAt));
}

export function listLoginHistory(userId: string, limit = 50) {
  return db()
    .select({
      id: loginEvents.id,
      at: loginEvents.at,
      ip: loginEvents.ip,
      userAgent: loginEvents.userAgent,
      success: loginEvents.success,
      reason: loginEvents.reason,
      mfaUsed: loginEvents.mfaUsed,
      newDevice: loginEvents.newDevice,
    })
    .from(loginEvents)
    .where(eq(loginEvents.userId, userId))
    .orderBy(desc(loginEvents.at))
    .limit(limit);
}

export async function unusedRecoveryCodeCount(userId: string): Promise<number> {
  const rows = await db()
    .select({ id: recoveryCodes.id })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return rows.length;
}
