import { and, eq, gte, inArray, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { memberships, payouts } from "@/db/schema";
import type { AccountTier } from "@/lib/domain/kyb";
import { formatAmount } from "@/lib/domain/money";
import { countsAgainstLimits, PAYOUT_STATUSES } from "@/lib/domain/settlement/payout";
import { startOfLocalDay } from "@/lib/domain/time/local-day";
import { ActionError } from "../guard/action-error";
import { loadTierLimits } from "../kyb";

const cny = (minor: bigint) => formatAmount(minor, "CNY", "en");
const COUNTED = PAYOUT_STATUSES.filter(countsAgainstLimits);

/** CNY equivalent of the organization's (or one member's) payouts requested since `since` that still stand. */
async function paidOutSince(tx: Transaction, organizationId: string, since: Date, requestedBy?: string): Promise<bigint> {
  const [row] = await tx
    .select({ total: sql<string>`coalesce(sum(${payouts.cnyEquivalentMinor}), 0)::text` })
    .from(payouts)
    .where(
      and(
        eq(payouts.organizationId, organizationId),
        gte(payouts.requestedAt, since),
        inArray(payouts.status, COUNTED),
        requestedBy ? eq(payouts.requestedBy, requestedBy) : undefined,
      ),
    );
  return BigInt(row?.total ?? "0");
}

/**
 * Refuses a payout worth `cnyMinor` that would pass the requesting member's own limits (largest single payout, daily
 * total) or the tier's daily payout limit, counted over today's payouts (Asia/Shanghai) that have not been
 * cancelled, failed or returned. The caller holds the organization's payout lock (lockPayoutSettings).
 */
export async function assertWithinPayoutLimits(
  tx: Transaction,
  input: { organizationId: string; tier: AccountTier; requestedBy: string | null; cnyMinor: bigint; now: Date },
): Promise<void> {
  const { organizationId, cnyMinor } = input;
  const since = startOfLocalDay(input.now);
  if (input.requestedBy) {
    const [member] = await tx
      .select({ maxSingleMinor: memberships.maxSingleMinor, dailyTotalMinor: memberships.dailyTotalMinor })
      .from(memberships)
      .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, input.requestedBy)));
    if (!member) throw new ActionError("not_found");
    if (member.maxSingleMinor !== null && cnyMinor > member.maxSingleMinor) {
      throw new ActionError("payout_limit_member_single", { amount: cny(cnyMinor), limit: cny(member.maxSingleMinor) });
    }
    if (member.dailyTotalMinor !== null) {
      const used = await paidOutSince(tx, organizationId, since, input.requestedBy);
      if (used + cnyMinor > member.dailyTotalMinor) {
        throw new ActionError("payout_limit_member_daily", { amount: cny(cnyMinor), used: cny(used), limit: cny(member.dailyTotalMinor) });
      }
    }
  }
  const limit = (await loadTierLimits(tx))[input.tier].dailyPayoutCnyMinor;
  const used = await paidOutSince(tx, organizationId, since);
  if (used + cnyMinor > limit) throw new ActionError("payout_limit_tier_daily", { amount: cny(cnyMinor), used: cny(used), limit: cny(limit) });
}
