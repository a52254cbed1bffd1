import { eq, sql } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { settlementRuns } from "@/db/schema";
import { type IsoDate, isBusinessDay } from "@/lib/domain/settlement";
import { localDateOf } from "@/lib/domain/time/local-day";
import { now as platformNow } from "../clock";
import { loadBusinessCalendar } from "./calendar";
import { SETTLEMENT_TIME_ZONE } from "./ledger-reads";
import { type AccountOutcome, settleAccount } from "./settle-account";

export const SETTLEMENT_RUN_JOB = "settlement.run";

export interface SettlementRunInput {
  /** The day settled (China time); today by the platform clock when not given. */
  runDate?: IsoDate;
  /** Only this organization's accounts. */
  organizationId?: string;
  trigger: "job" | "ops" | "seed";
  now?: Date;
  /** The demo seed runs inside its own transaction; each account is then settled in a savepoint of it. */
  executor?: Executor;
}

export interface SettlementRunResult {
  runId: string;
  runDate: IsoDate;
  businessDay: boolean;
  outcomes: AccountOutcome[];
}

/** Every account a run looks at: available money in any currency, and batches held by an earlier run. */
async function runTargets(executor: Executor, organizationId: string | undefined): Promise<{ organizationId: string; currency: string }[]> {
  const only = organizationId ? sql`and organization_id = ${organizationId}` : sql``;
  const rows = await executor.execute<{ organization_id: string; currency: string }>(sql`
    select organization_id, currency from ledger_accounts
    where kind = 'available' and organization_id is not null and balance_minor > 0 ${only}
    union
    select organization_id, currency from settlement_batches where status = 'held' ${only}
    order by organization_id, currency`);
  return rows.map((row) => ({ organizationId: row.organization_id, currency: row.currency }));
}

/**
 * A settlement run: each organization's currency settled in a transaction of its own (one account's failure does not
 * stop the others), recorded in settlement_runs with every outcome. Idempotent: a second run, or one running at the
 * same time, settles nothing already settled (see settleAccount). A non-business day settles nothing.
 */
export async function runSettlement(input: SettlementRunInput): Promise<SettlementRunResult> {
  const executor = input.executor ?? db();
  const now = input.now ?? (await platformNow(executor));
  const runDate = input.runDate ?? localDateOf(now, SETTLEMENT_TIME_ZONE);
  const [run] = await executor
    .insert(settlementRuns)
    .values({ runDate, organizationId: input.organizationId ?? null, trigger: input.trigger, startedAt: now })
    .returning({ id: settlementRuns.id });
  const runId = run!.id;
  const calendar = await loadBusinessCalendar(executor);
  const businessDay = isBusinessDay(runDate, calendar);
  const outcomes: AccountOutcome[] = [];
  if (businessDay) {
    for (const target of await runTargets(executor, input.organizationId)) {
      try {
        outcomes.push(await executor.transaction((tx) => settleAccount(tx, { ...target, runDate, runId, calendar, now })));
      } catch (error) {
        console.error(`settlement of ${target.organizationId} ${target.currency} on ${runDate} failed`, error);
        outcomes.push({ ...target, result: "failed", error: error instanceof Error ? error.message.slice(0, 300) : String(error) });
      }
    }
  }
  await executor
    .update(settlementRuns)
    .set({
      settledCount: outcomes.filter((outcome) => outcome.result === "settled").length,
      heldCount: outcomes.filter((outcome) => outcome.result === "held").length,
      outcomes,
      finishedAt: new Date(),
    })
    .where(eq(settlementRuns.id, runId));
  return { runId, runDate, businessDay, outcomes };
}
