import { and, eq, gte, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { fxConversions, type memberships } from "@/db/schema";
import { formatAmount } from "@/lib/domain/money";
import { ActionError } from "../guard/action-error";
import { loadTierLimits } from "../kyb";
import { startOfLocalDay } from "@/lib/domain/time/local-day";

const cny = (minor: bigint) => formatAmount(minor, "CNY", "en");

async function convertedToday(tx: Transaction, organizationId: string, since: Date, userId?: string): Promise<bigint> {
  const [row] = await tx
    .select({ total: sql<string>`coalesce(sum(${fxConversions.cnyEquivalentMinor}), 0)::text` })
    .from(fxConversions)
    .where(and(eq(fxConversions.organizationId, organizationId), gte(fxConversions.createdAt, since), userId ? eq(fxConversions.convertedBy, userId) : undefined));
  return BigInt(row?.total ?? "0");
}

/**
 * Refuses a conversion worth `cnyMinor` that would pass the member's own limits (largest single conversion, daily
 * total) or the tier's daily conversion limit, each in CNY and counted over today's conversions in Asia/Shanghai.
 */
export async function assertWithinLimits(
  tx: Transaction,
  input: {
    organizationId: string;
    membership: Pick<typeof memberships.$inferSelect, "userId" | "maxSingleMinor" | "dailyTotalMinor">;
    tier: "standard" | "premium";
    cnyMinor: bigint;
    now: Date;
  },
): Promise<void> {
  const { membership, cnyMinor } = input;
  if (membership.maxSingleMinor !== null && cnyMinor > membership.maxSingleMinor) {
    throw new ActionError("fx_limit_member_single", { amount: cny(cnyMinor), limit: cny(membership.maxSingleMinor) });
  }
  // Conversion limits count per calendar day in China.
  const since = startOfLocalDay(input.now);
  if (membership.dailyTotalMinor !== null) {
    const used = await convertedToday(tx, input.organizationId, since, membership.userId);
    if (used + cnyMinor > membership.dailyTotalMinor) {
      throw new ActionError("fx_limit_member_daily", { amount: cny(cnyMinor), used: cny(used), limit: cny(membership.dailyTotalMinor) });
    }
  }
  const limit = (await loadTierLimits(tx))[input.tier].dailyConversionCnyMinor;
  const used = await convertedToday(tx, input.organizationId, since);
  if (used + cnyMinor > limit) throw new ActionError("fx_limit_tier_daily", { amount: cny(cnyMinor), used: cny(used), limit: cny(limit) });
}
