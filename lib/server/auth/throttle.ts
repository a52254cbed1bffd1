import { eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { ipThrottle, users } from "@/db/schema";

export const ACCOUNT_LOCK_AFTER = 5;
export const IP_LOCK_AFTER = 20;
export const LOCK_DURATION_MS = 15 * 60 * 1000;
const IP_WINDOW_MS = 15 * 60 * 1000;

/** Failures slow the answer down before they lock: 0 s for the first two, then 0.5 s more each, at most 3 s. */
export function failureDelayMs(failures: number): number {
  return Math.min(Math.max(failures - 2, 0) * 500, 3000);
}

export async function ipLockedUntil(executor: Executor, ip: string | null, now = new Date()): Promise<Date | null> {
  if (!ip) return null;
  const [row] = await executor.select().from(ipThrottle).where(eq(ipThrottle.ip, ip));
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/** Counts a failure against the account (when known) and the address; returns the account's failure count. */
export async function recordFailure(executor: Executor, userId: string | null, ip: string | null): Promise<number> {
  let failures = 0;
  if (userId) {
    const [row] = await executor
      .update(users)
      .set({
        failedLogins: sql`${users.failedLogins} + 1`,
        lockedUntil: sql`case when ${users.failedLogins} + 1 >= ${ACCOUNT_LOCK_AFTER}
          then now() + make_interval(secs => ${LOCK_DURATION_MS / 1000}) else ${users.lockedUntil} end`,
      })
      .where(eq(users.id, userId))
      .returning({ failedLogins: users.failedLogins });
    failures = row?.failedLogins ?? 0;
  }
  if (ip) {
    await executor
      .insert(ipThrottle)
      .values({ ip, failures: 1 })
      .onConflictDoUpdate({
        target: ipThrottle.ip,
        set: {
          failures: sql`case when ${ipThrottle.windowStartedAt} < now() - make_interval(secs => ${IP_WINDOW_MS / 1000})
            then 1 else ${ipThrottle.failures} + 1 end`,
          windowStartedAt: sql`case when ${ipThrottle.windowStartedAt} < now() - make_interval(secs => ${IP_WINDOW_MS / 1000})
            then now() else ${ipThrottle.windowStartedAt} end`,
          lockedUntil: sql`case when ${ipThrottle.failures} + 1 >= ${IP_LOCK_AFTER}
            and ${ipThrottle.windowStartedAt} >= now() - make_interval(secs => ${IP_WINDOW_MS / 1000})
            then now() + make_interval(secs => ${LOCK_DURATION_MS / 1000}) else ${ipThrottle.lockedUntil} end`,
        },
      });
  }
  return failures;
}

export async function clearAccountFailures(executor: Executor, userId: string): Promise<void> {
  await executor.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));
}
