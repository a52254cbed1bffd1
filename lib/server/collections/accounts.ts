import { and, eq } from "drizzle-orm";
import { db, type Executor, type Transaction } from "@/db/client";
import { collectionAccounts, kybApplications, organizations } from "@/db/schema";
import { COLLECTION_CURRENCIES, type CollectionCurrency } from "@/lib/domain/banking";
import { bankAdapter, type BankAdapter } from "../banking";
import { ActionError } from "../guard/action-error";

export type CollectionAccount = typeof collectionAccounts.$inferSelect;

/** How often one currency is asked again when the issued number was taken by another organization meanwhile. */
const ISSUE_TRIES = 3;

const currencyOrder = (account: CollectionAccount) => (COLLECTION_CURRENCIES as readonly string[]).indexOf(account.currency);

/** The organization's receiving details, in the order of COLLECTION_CURRENCIES. */
export async function listCollectionAccounts(executor: Executor, organizationId: string): Promise<CollectionAccount[]> {
  const rows = await executor.select().from(collectionAccounts).where(eq(collectionAccounts.organizationId, organizationId));
  return rows.sort((a, b) => currencyOrder(a) - currencyOrder(b));
}

export async function collectionAccountFor(executor: Executor, organizationId: string, currency: string): Promise<CollectionAccount | null> {
  const [row] = await executor
    .select()
    .from(collectionAccounts)
    .where(and(eq(collectionAccounts.organizationId, organizationId), eq(collectionAccounts.currency, currency)));
  return row ?? null;
}

/**
 * The account a statement names (IBAN with or without spaces, or account number). Without a currency, an account
 * number that two currencies share matches neither: the statement's currency has to decide.
 */
export async function findCollectionAccountByIdentifier(
  executor: Executor,
  identifier: string,
  currency?: string,
): Promise<CollectionAccount | null> {
  const compact = identifier.replace(/[\s-]/g, "").toUpperCase();
  const rows = await executor
    .select()
    .from(collectionAccounts)
    .where(and(eq(collectionAccounts.accountIdentifier, compact), currency ? eq(collectionAccounts.currency, currency) : undefined))
    .limit(2);
  return rows.length === 1 ? rows[0]! : null;
}

/** The beneficiary name buyers write: the English legal name from KYB, else the organization's name. */
async function approvedHolder(tx: Transaction, organizationId: string) {
  const [row] = await tx
    .select({ name: organizations.name, legalNameEn: kybApplications.legalNameEn, status: kybApplications.status })
    .from(organizations)
    .leftJoin(kybApplications, eq(kybApplications.organizationId, organizations.id))
    .where(eq(organizations.id, organizationId));
  if (!row) throw new ActionError("not_found");
  if (row.status !== "approved") throw new ActionError("kyb_not_approved");
  return { organizationId, name: row.legalNameEn?.trim() || row.name };
}

async function issueOne(tx: Transaction, adapter: BankAdapter, holder: { organizationId: string; name: string }, currency: CollectionCurrency) {
  for (let attempt = 0; attempt < ISSUE_TRIES; attempt++) {
    const issued = await adapter.issueCollectionAccount(holder, currency, { tx });
    // A conflict is either a concurrent run that issued this currency first (then its row is read back below) or
    // another organization given the same identifier meanwhile (then the adapter is asked again).
    await tx
      .insert(collectionAccounts)
      .values({ organizationId: holder.organizationId, currency, ...issued })
      .onConflictDoNothing();
    const account = await collectionAccountFor(tx, holder.organizationId, currency);
    if (account) return account;
  }
  throw new Error(`could not issue a ${currency} collection account for ${holder.organizationId}`);
}

/**
 * Opens one collection account per supported currency for an approved organization, through the configured bank
 * adapter. Idempotent: currencies that have an account keep it, so running it again (or twice at once) changes nothing.
 */
export async function ensureCollectionAccounts(
  tx: Transaction,
  organizationId: string,
  adapter: BankAdapter = bankAdapter(),
): Promise<CollectionAccount[]> {
  const holder = await approvedHolder(tx, organizationId);
  const existing = new Set((await listCollectionAccounts(tx, organizationId)).map((account) => account.currency));
  for (const currency of COLLECTION_CURRENCIES) {
    if (!existing.has(currency)) await issueOne(tx, adapter, holder, currency);
  }
  return listCollectionAccounts(tx, organizationId);
}

/** For pages: the organization's accounts, read outside any transaction. */
export function organizationCollectionAccounts(organizationId: string): Promise<CollectionAccount[]> {
  return listCollectionAccounts(db(), organizationId);
}
