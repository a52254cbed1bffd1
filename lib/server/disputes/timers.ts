import { and, asc, eq, gt, inArray, isNotNull, lte } from "drizzle-orm";
import { db } from "@/db/client";
import { disputes } from "@/db/schema";
import { DISPUTE_STATUSES, isUndecided } from "@/lib/domain/disputes";
import { now } from "../clock";
import { auditSystemChange } from "./case";
import { applyRules } from "./escalation";
import { reserveDisputeShortfalls } from "./shortfall";

export const DISPUTE_TIMERS_JOB = "disputes.timers";
const UNDECIDED = DISPUTE_STATUSES.filter(isUndecided);

export interface TimerRun {
  /** Cases whose deadline had passed and were looked at (breaches flagged, escalation rules applied). */
  checked: number;
  escalated: number;
  /** Cases that got (part of) their shortfall reserved. */
  filled: number;
}

/**
 * The disputes job (every minute, and after the test clock moves): reserves outstanding shortfalls from what has
 * come into available since, then applies the timers to every undecided case whose next deadline has passed —
 * breaches flagged and counted, breached cases escalated. Each case is its own transaction; running it twice
 * changes nothing more (breaches are flagged once, reserve steps are keyed by their total).
 */
export async function runDisputeTimers(): Promise<TimerRun> {
  const run: TimerRun = { checked: 0, escalated: 0, filled: 0 };
  const short = await db()
    .selectDistinct({ organizationId: disputes.organizationId, currency: disputes.currency })
    .from(disputes)
    .where(and(gt(disputes.reserveShortfallMinor, 0n), inArray(disputes.status, UNDECIDED)));
  for (const { organizationId, currency } of short) {
    run.filled += (await db().transaction((tx) => reserveDisputeShortfalls(tx, organizationId, currency))).length;
  }

  const at = await now();
  const due = await db()
    .select({ id: disputes.id })
    .from(disputes)
    .where(and(inArray(disputes.status, UNDECIDED), isNotNull(disputes.nextDueAt), lte(disputes.nextDueAt, at)))
    .orderBy(asc(disputes.nextDueAt))
    .limit(1000);
  for (const { id } of due) {
    const escalated = await db().transaction(async (tx) => {
      const [dispute] = await tx.select().from(disputes).where(eq(disputes.id, id)).for("update");
      if (!dispute || !isUndecided(dispute.status)) return false;
      const after = await applyRules(tx, dispute, await now(tx));
      if (after.breachCount !== dispute.breachCount || after.tier !== dispute.tier) {
        await auditSystemChange(tx, dispute, "disputes.timers", {
          number: dispute.number,
          breaches: after.breachCount - dispute.breachCount,
          tier: after.tier === dispute.tier ? dispute.tier : { from: dispute.tier, to: after.tier },
        });
      }
      return after.tier !== dispute.tier;
    });
    run.checked += 1;
    if (escalated) run.escalated += 1;
  }
  return run;
}
