import { sql } from "drizzle-orm";
import { db, type Executor } from "@/db/client";

export const COMPACT_DASHBOARD_JOB = "dashboard.compact";

/** Folds the dashboard aggregates' delta rows into one row per key (migration 0017; sums are unchanged, so rerunning is harmless). */
export async function compactDashboard(executor: Executor = db()): Promise<void> {
  await executor.execute(sql`select dashboard_compact()`);
}

/** Recomputes one organization's aggregates from its invoices, payments and fees (after a bulk load with the triggers off). */
export async function rebuildDashboard(organizationId: string, executor: Executor = db()): Promise<void> {
  await executor.execute(sql`select dashboard_rebuild(${organizationId}::uuid)`);
}
