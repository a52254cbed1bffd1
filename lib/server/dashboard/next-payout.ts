import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { payouts } from "@/db/schema";

const IN_FLIGHT = ["requested", "approved", "sent"] as const;

/** The organization's oldest payout still on its way (requested, approved or sent), or null when none is. */
export async function nextPayout(executor: Executor, organizationId: string, currency: string | null) {
  const [row] = await executor
    .select({
      id: payouts.id,
      currency: payouts.currency,
      amountMinor: payouts.amountMinor,
      netMinor: payouts.netMinor,
      status: payouts.status,
      requestedAt: payouts.requestedAt,
    })
    .from(payouts)
    .where(and(eq(payouts.organizationId, organizationId), inArray(payouts.status, [...IN_FLIGHT]), currency ? eq(payouts.currency, currency) : undefined))
    .orderBy(asc(payouts.requestedAt), asc(payouts.id))
    .limit(1);
  return row ?? null;
}
export type NextPayout = NonNullable<Awaited<ReturnType<typeof nextPayout>>>;
