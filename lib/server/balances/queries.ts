import { and, asc, eq } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { journalEntries, journalLines, ledgerAccounts } from "@/db/schema";
import { convertMinor } from "@/lib/domain/money";
import { loadRateBook } from "../fx/rates";
import { accountLinesCsv, getBalances, listAccountLines, type AccountLineFilter } from "../ledger";
import type { ORGANIZATION_ACCOUNT_KINDS } from "@/lib/domain/ledger";

type OrganizationAccountKind = (typeof ORGANIZATION_ACCOUNT_KINDS)[number];
export type HistoryFilter = Omit<AccountLineFilter, "accountId"> & { accountKind?: OrganizationAccountKind };

export function organizationBalances(organizationId: string) {
  return getBalances(db(), organizationId);
}

/**
 * Balances with what each currency's total (every balance the organization holds, awaiting matching and buyer credit
 * included) is worth in CNY at the newest stored
 * mid rate; null where no rate exists for the pair.
 */
export async function organizationBalancesInCny(organizationId: string) {
  const [balances, book] = await Promise.all([getBalances(db(), organizationId), loadRateBook(db())]);
  let totalCnyMinor = 0n;
  let oldestRate: Date | null = null;
  const rows = balances.map((balance) => {
    const rate = book.resolve(balance.currency, "CNY");
    if (!rate) return { ...balance, cnyEquivalentMinor: null, rate: null };
    const total = balance.availableMinor + balance.pendingMinor + balance.reservedMinor + balance.unappliedMinor + balance.buyerCreditMinor;
    const cnyEquivalentMinor = convertMinor(total, balance.currency, "CNY", rate.mid);
    totalCnyMinor += cnyEquivalentMinor;
    if (!oldestRate || rate.asOf < oldestRate) oldestRate = rate.asOf;
    return { ...balance, cnyEquivalentMinor, rate: { mid: rate.mid, asOf: rate.asOf } };
  });
  return { balances: rows, totalCnyMinor, ratesAsOf: oldestRate as Date | null };
}

/** The account behind (kind, currency), or undefined when the organization never held one. */
export async function organizationAccountId(executor: Executor, organizationId: string, kind: OrganizationAccountKind, currency: string) {
  const [account] = await executor
    .select({ id: ledgerAccounts.id })
    .from(ledgerAccounts)
    .where(and(eq(ledgerAccounts.organizationId, organizationId), eq(ledgerAccounts.kind, kind), eq(ledgerAccounts.currency, currency)));
  return account?.id;
}

/** One page of the organization's transaction history; an account that does not exist yields no lines. */
export async function organizationHistory(
  organizationId: string,
  { accountKind, ...filter }: HistoryFilter,
  after: string | undefined,
  executor: Executor = db(),
) {
  let account: string | undefined;
  if (accountKind && filter.currency) {
    account = await organizationAccountId(executor, organizationId, accountKind, filter.currency);
    if (!account) return { lines: [], nextCursor: null };
  }
  return listAccountLines(executor, organizationId, { ...filter, accountId: account, after, limit: 50 });
}

/** Every line of one entry of the organization, with its accounts; null when the entry is not the organization's. */
export async function organizationEntry(organizationId: string, entryId: string) {
  const [entry] = await db()
    .select()
    .from(journalEntries)
    .where(and(eq(journalEntries.id, entryId), eq(journalEntries.organizationId, organizationId)));
  if (!entry) return null;
  const lines = await db()
    .select({
      id: journalLines.id,
      kind: ledgerAccounts.kind,
      ownAccount: ledgerAccounts.organizationId,
      currency: journalLines.currency,
      amountMinor: journalLines.amountMinor,
      balanceAfterMinor: journalLines.balanceAfterMinor,
    })
    .from(journalLines)
    .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, journalLines.accountId))
    .where(eq(journalLines.entryId, entryId))
    .orderBy(asc(journalLines.id));
  const [reversal] = await db()
    .select({ id: journalEntries.id })
    .from(journalEntries)
    .where(eq(journalEntries.reversesEntryId, entryId));
  return {
    entry,
    reversedBy: reversal?.id ?? null,
    // Platform accounts' running balances are the platform's business, not the factory's.
    lines: lines.map((line) => ({ ...line, balanceAfterMinor: line.ownAccount ? line.balanceAfterMinor : null })),
  };
}

export function organizationHistoryCsv(organizationId: string, filter: AccountLineFilter) {
  return accountLinesCsv(db(), organizationId, filter);
}

/** The entry types that occur in the organization's history, for the type filter. */
export async function organizationEntryTypes(organizationId: string): Promise<string[]> {
  const rows = await db()
    .selectDistinct({ type: journalEntries.type })
    .from(journalEntries)
    .where(eq(journalEntries.organizationId, organizationId))
    .orderBy(asc(journalEntries.type));
  return rows.map((row) => row.type);
}
