import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { ActionError } from "../guard/action-error";

export interface RateLimit {
  /** What is counted, e.g. `reset:email:a@b.c` or `public:ip:203.0.113.9`. */
  key: string;
  max: number;
  windowMs: number;
}

/**
 * Counts one use of each limit in a fixed window and refuses with `rate_limited` when any is used up.
 * Counting happens in the action's transaction, so a refused or failed call does not use up the allowance.
 */
export async function consumeRateLimits(executor: Executor, limits: readonly RateLimit[]): Promise<void> {
  for (const { key, max, windowMs } of limits) {
    const expired = sql`${rateLimits.windowStartedAt} < now() - make_interval(secs => ${windowMs / 1000})`;
    const [row] = await executor
      .insert(rateLimits)
      .values({ key, count: 1 })
      .onConflictDoUpdate({
        target: rateLimits.key,
        set: {
          count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
          windowStartedAt: sql`case when ${expired} then now() else ${rateLimits.windowStartedAt} end`,
        },
      })
      .returning({ count: rateLimits.count });
    if ((row?.count ?? 0) > max) throw new ActionError("rate_limited");
  }
}

const HOUR = 60 * 60 * 1000;

/** Emails anyone can make Quayside send: a few per address, and a bounded number per network address. */
export function publicEmailLimits(kind: string, email: string, ip: string | null): RateLimit[] {
  return [
    { key: `${kind}:email:${email}`, max: 5, windowMs: HOUR },
    ...(ip ? [{ key: `public:ip:${ip}`, max: 200, windowMs: HOUR }] : []),
  ];
}
