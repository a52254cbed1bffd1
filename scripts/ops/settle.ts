import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { organizations } from "@/db/schema";
import { formatAmount } from "@/lib/domain/money";
import { isIsoDate } from "@/lib/domain/settlement";
import { errorTranslator } from "@/lib/server/i18n/translator";
import type { AccountOutcome } from "@/lib/server/settlement/settle-account";
import { runSettlement } from "@/lib/server/settlement/run";
import type { OpsCommand } from "./command";

const USAGE = "settle --date YYYY-MM-DD [--org SLUG]";

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args[at + 1];
}

function describe(outcome: AccountOutcome, slugs: Map<string, string>, t: (code: string, params?: Record<string, string | number>) => string): string {
  const who = `${slugs.get(outcome.organizationId) ?? outcome.organizationId} ${outcome.currency}`;
  switch (outcome.result) {
    case "settled":
      return `${who}: settled, batch ${outcome.batchId}, payout ${outcome.payoutId} of ${outcome.payoutCurrency} ${formatAmount(BigInt(outcome.netMinor), outcome.payoutCurrency, "en")} net`;
    case "held":
      return `${who}: held, batch ${outcome.batchId}: ${t(outcome.code, outcome.params)}`;
    case "already_settled":
      return `${who}: already settled for this date (batch ${outcome.batchId})`;
    case "nothing_due":
      return `${who}: nothing due`;
    case "not_scheduled":
      return `${who}: settled on demand only`;
    case "failed":
      return `${who}: FAILED: ${outcome.error}`;
  }
}

/**
 * Runs the settlement of one date (for every organization, or one), printing each organization and currency's
 * outcome. Safe to run again, or while the daily job runs: nothing is settled twice. 1 when an account failed.
 */
export async function settle(args: string[], out: (line: string) => void = console.log, err: (line: string) => void = console.error): Promise<number> {
  const date = option(args, "--date");
  const slug = option(args, "--org");
  if (!date || !isIsoDate(date) || (args.includes("--org") && !slug)) {
    err(`Usage: npm run ops -- ${USAGE}`);
    return 1;
  }
  let organizationId: string | undefined;
  if (slug) {
    const [organization] = await db().select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, slug));
    if (!organization) {
      err(`No organization ${slug}`);
      return 1;
    }
    organizationId = organization.id;
  }
  const result = await runSettlement({ runDate: date, organizationId, trigger: "ops" });
  if (!result.businessDay) {
    out(`${date} is not a business day in mainland China: nothing is settled.`);
    return 0;
  }
  const slugs = new Map((await db().select({ id: organizations.id, slug: organizations.slug }).from(organizations)).map((row) => [row.id, row.slug]));
  const t = await errorTranslator("en");
  out(`Settlement run ${result.runId} for ${date}: ${result.outcomes.length} account(s)`);
  for (const outcome of result.outcomes) out(`  ${describe(outcome, slugs, t)}`);
  const settled = result.outcomes.filter((outcome) => outcome.result === "settled").length;
  const held = result.outcomes.filter((outcome) => outcome.result === "held").length;
  out(`Settled ${settled}, held ${held}.`);
  return result.outcomes.some((outcome) => outcome.result === "failed") ? 1 : 0;
}

export const settleCommand: OpsCommand = {
  name: "settle",
  usage: USAGE,
  summary: "Run the settlement of a date: pay out what is due under each organization's schedules (idempotent)",
  needsDatabase: true,
  run: (args) => settle(args),
};
