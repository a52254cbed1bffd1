import { eq, sql } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { testClock } from "@/db/schema";

/**
 * The platform clock: real time, plus an offset kept in the test_clock row that the end-to-end tests and the demo set
 * (`npm run ops -- clock:advance 25h`) to let service-level timers run out without waiting. The offset is honoured
 * only by a process started with ALLOW_TEST_CLOCK=1 (the end-to-end server and the embedded demo set it); anywhere
 * else the row is never read and this is the real time.
 */
export function testClockAllowed(): boolean {
  return process.env.ALLOW_TEST_CLOCK === "1";
}

/** The offset in milliseconds the test clock runs ahead of real time (0 when not set). */
export async function clockOffsetMs(executor: Executor = db()): Promise<number> {
  const [row] = await executor.select({ offsetMs: testClock.offsetMs }).from(testClock).where(eq(testClock.id, 1));
  return row?.offsetMs ?? 0;
}

export async function now(executor: Executor = db()): Promise<Date> {
  const real = Date.now();
  if (!testClockAllowed()) return new Date(real);
  return new Date(real + (await clockOffsetMs(executor)));
}

/** Moves the test clock forward by `ms` (adds to any offset already set); returns the new offset. */
export async function advanceClock(ms: number, executor: Executor = db()): Promise<number> {
  if (!Number.isSafeInteger(ms) || ms <= 0) throw new RangeError(`The clock moves forward only, by a whole number of milliseconds; got ${ms}`);
  const [row] = await executor
    .insert(testClock)
    .values({ id: 1, offsetMs: ms })
    .onConflictDoUpdate({ target: testClock.id, set: { offsetMs: sql`${testClock.offsetMs} + ${ms}`, updatedAt: sql`now()` } })
    .returning({ offsetMs: testClock.offsetMs });
  return row!.offsetMs;
}

/** Back to real time. */
export async function resetClock(executor: Executor = db()): Promise<void> {
  await executor.delete(testClock).where(eq(testClock.id, 1));
}

const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "25h", "90m", "2d", "30s", or combinations such as "1d2h30m", in milliseconds; null when it is not one. */
export function parseClockDuration(text: string): number | null {
  const trimmed = text.trim().toLowerCase();
  if (!/^(\d+[smhd])+$/.test(trimmed)) return null;
  let total = 0;
  for (const [, amount, unit] of trimmed.matchAll(/(\d+)([smhd])/g)) total += Number(amount) * UNIT_MS[unit!]!;
  return total > 0 && Number.isSafeInteger(total) ? total : null;
}
