import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { db, type Executor } from "../../../db/client";
import { ledgerAccounts, organizations } from "../../../db/schema";
import type { AccountKind, AccountRef } from "../../domain/ledger";
import { postEntry, type PostResult } from "./post";

/** Helpers for the ledger's integration tests. */

export async function createOrganization(): Promise<string> {
  const suffix = randomUUID();
  const [org] = await db().insert(organizations).values({ slug: `ledger-${suffix}`, name: `Factory ${suffix.slice(0, 8)}` }).returning();
  return org!.id;
}

export const org = (organizationId: string, kind: AccountKind, currency = "USD"): AccountRef => ({ organizationId, kind, currency });
export const platform = (kind: AccountKind, currency = "USD"): AccountRef => ({ organizationId: null, kind, currency });

/** A buyer's payment reaching the factory's available balance, with the platform's fee. */
export function collect(organizationId: string, amountMinor: bigint, feeMinor = 0n, currency = "USD", key: string = randomUUID()) {
  return postEntry(db(), {
    organizationId,
    idempotencyKey: key,
    type: "collection",
    description: "Buyer payment",
    lines: [
      { account: platform("bank_clearing", currency), amountMinor: -amountMinor },
      { account: org(organizationId, "available", currency), amountMinor: amountMinor - feeMinor },
      ...(feeMinor === 0n ? [] : [{ account: platform("fee_revenue", currency), amountMinor: feeMinor }]),
    ],
  });
}

export function payout(executor: Executor, organizationId: string, amountMinor: bigint, key: string = randomUUID()): Promise<PostResult> {
  return postEntry(executor, {
    organizationId,
    idempotencyKey: key,
    type: "payout",
    description: "Payout to home bank",
    lines: [
      { account: org(organizationId, "available"), amountMinor: -amountMinor },
      { account: platform("payout_clearing"), amountMinor: amountMinor },
    ],
  });
}

export async function accountBalance(ref: AccountRef): Promise<bigint> {
  const [account] = await db()
    .select({ balanceMinor: ledgerAccounts.balanceMinor })
    .from(ledgerAccounts)
    .where(
      and(
        ref.organizationId === null ? isNull(ledgerAccounts.organizationId) : eq(ledgerAccounts.organizationId, ref.organizationId),
        eq(ledgerAccounts.kind, ref.kind),
        eq(ledgerAccounts.currency, ref.currency),
      ),
    );
  return account?.balanceMinor ?? 0n;
}
