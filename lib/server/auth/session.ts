import { and, eq, gt, isNull } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { sessions, users } from "@/db/schema";

export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
export const STEP_UP_WINDOW_MS = 15 * 60 * 1000;

export type SessionUser = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export interface AuthenticatedSession {
  session: SessionRow;
  user: SessionUser;
}

const isSessionId = (value: string) => /^[0-9a-f-]{36}$/i.test(value);

/** The live session behind an id: not revoked, not expired. */
export async function loadSession(executor: Executor, sessionId: string): Promise<AuthenticatedSession | null> {
  if (!isSessionId(sessionId)) return null;
  const rows = await executor
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date())))
    .limit(1);
  return rows[0] ?? null;
}

export function hasFreshSecondFactor(session: SessionRow, now = new Date()): boolean {
  return session.mfaVerifiedAt !== null && now.getTime() - session.mfaVerifiedAt.getTime() <= STEP_UP_WINDOW_MS;
}

export async function revokeSession(sessionId: string): Promise<void> {
  if (!isSessionId(sessionId)) return;
  await db().update(sessions).set({ revokedAt: new Date() }).where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}
