import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { ledgerAccounts } from "@/db/schema";

/** The organization's available account in `currency` with its balance; null when it never held any. */
export async function availableAccount(executor: Executor, organizationId: string, currency: string): Promise<{ id: string; balanceMinor: bigint } | null> {
  const [account] = await executor
    .select({ id: ledgerAccounts.id, balanceMinor: ledgerAccounts.balanceMinor })
    .from(ledgerAccounts)
    .where(and(eq(ledgerAccounts.organizationId, organizationId), eq(ledgerAccounts.kind, "available"), eq(ledgerAccounts.currency, currency)));
  return account ?? null;
}

/** The organization's available balance in `currency` (0 when it has never held any). */
export async function availableBalance(executor: Executor, organizationId: string, currency: string): Promise<bigint> {
  return (await availableAccount(executor, organizationId, currency))?.balanceMinor ?? 0n;
}
