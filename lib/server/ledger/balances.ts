import { asc, eq } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { ledgerAccounts } from "../../../db/schema";
import type { CurrencyCode } from "../../domain/money";

export interface CurrencyBalances {
  currency: CurrencyCode;
  availableMinor: bigint;
  pendingMinor: bigint;
  reservedMinor: bigint;
  /** Bank money received and not yet matched to an invoice. */
  unappliedMinor: bigint;
  /** Overpayments and advances kept for buyers. */
  buyerCreditMinor: bigint;
}

/** An organization's balances per currency it has ever held, in currency order. */
export async function getBalances(executor: Executor, organizationId: string): Promise<CurrencyBalances[]> {
  const accounts = await executor
    .select({ kind: ledgerAccounts.kind, currency: ledgerAccounts.currency, balanceMinor: ledgerAccounts.balanceMinor })
    .from(ledgerAccounts)
    .where(eq(ledgerAccounts.organizationId, organizationId))
    .orderBy(asc(ledgerAccounts.currency));
  const byCurrency = new Map<CurrencyCode, CurrencyBalances>();
  for (const { kind, currency, balanceMinor } of accounts) {
    let balances = byCurrency.get(currency);
    if (!balances) {
      balances = { currency, availableMinor: 0n, pendingMinor: 0n, reservedMinor: 0n, unappliedMinor: 0n, buyerCreditMinor: 0n };
      byCurrency.set(currency, balances);
    }
    if (kind === "available") balances.availableMinor = balanceMinor;
    else if (kind === "pending") balances.pendingMinor = balanceMinor;
    else if (kind === "reserved") balances.reservedMinor = balanceMinor;
    else if (kind === "unapplied") balances.unappliedMinor = balanceMinor;
    else if (kind === "buyer_credit") balances.buyerCreditMinor = balanceMinor;
    else throw new Error(`Organization ${organizationId} owns a platform account kind ${kind}`);
  }
  return [...byCurrency.values()];
}
