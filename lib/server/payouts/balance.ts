import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { ledgerAccounts } from "@/db/schema";

/** The organization's available balance in `currency` (0 when it has never held any). */
export async function availableBalance(executor: Executor, organizationId: string, currency: string): Promise<bigint> {
  const [row] = await executor
    .select({ balanceMinor: ledgerAccounts.balanceMinor })
    .from(ledgerAccounts)
    .where(and(eq(ledgerAccounts.organizationId, organizationId), eq(ledgerAccounts.kind, "available"), eq(ledgerAccounts.currency, currency)));
  return row?.balanceMinor ?? 0n;
}
