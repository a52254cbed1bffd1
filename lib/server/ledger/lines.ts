import { and, desc, eq, gte, isNull, lt, lte, type SQL } from "drizzle-orm";
import { alias, type AnyPgColumn } from "drizzle-orm/pg-core";
import type { Executor } from "../../../db/client";
import { journalEntries, journalLines, ledgerAccounts } from "../../../db/schema";
import { type AccountKind, isUuid } from "../../domain/ledger";
import type { CurrencyCode } from "../../domain/money";

export interface AccountLineFilter {
  accountId?: string;
  currency?: CurrencyCode;
  /** Entry type, e.g. "collection". */
  type?: string;
  /** Lines created at or after `from` and before `to`. */
  from?: Date;
  to?: Date;
  /** Bounds on the signed amount, inclusive. */
  minAmount?: bigint;
  maxAmount?: bigint;
}

export interface AccountLinePage extends AccountLineFilter {
  /** `nextCursor` of the previous page. */
  after?: string;
  limit?: number;
}

export interface AccountLine {
  /** Line id; also what a cursor points at. */
  id: string;
  createdAt: Date;
  entryId: string;
  type: string;
  description: string;
  causeType: string | null;
  causeId: string | null;
  reversesEntryId: string | null;
  reversedByEntryId: string | null;
  accountId: string;
  accountKind: AccountKind;
  currency: CurrencyCode;
  amountMinor: bigint;
  balanceAfterMinor: bigint;
}

export const MAX_PAGE_SIZE = 500;
const CURSOR = /^[1-9][0-9]{0,18}$/;

const reversals = alias(journalEntries, "reversals");

function owned(column: AnyPgColumn, organizationId: string | null): SQL {
  return organizationId === null ? isNull(column) : eq(column, organizationId);
}

function pageSize(page: AccountLinePage): number {
  const limit = page.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new RangeError(`limit must be an integer from 1 to ${MAX_PAGE_SIZE}`);
  }
  return limit;
}

/**
 * The query behind listAccountLines, one row more than the page to tell whether another
 * follows. Keyset pagination on the line id over the (organization_id, id) or
 * (account_id, id) index, so a page costs the same at line ten million as at line ten.
 */
export function accountLinesQuery(executor: Executor, organizationId: string | null, page: AccountLinePage) {
  const limit = pageSize(page);
  if (page.after !== undefined && !CURSOR.test(page.after)) throw new RangeError("Malformed cursor");
  if (page.accountId !== undefined && !isUuid(page.accountId)) throw new RangeError("Malformed account id");
  const conditions: (SQL | undefined)[] = [
    // With an account, its (account_id, id) index alone drives the scan; the owner is checked on the account row.
    page.accountId === undefined
      ? owned(journalLines.organizationId, organizationId)
      : and(eq(journalLines.accountId, page.accountId), owned(ledgerAccounts.organizationId, organizationId)),
    page.after === undefined ? undefined : lt(journalLines.id, BigInt(page.after)),
    page.currency === undefined ? undefined : eq(journalLines.currency, page.currency),
    page.type === undefined ? undefined : eq(journalEntries.type, page.type),
    page.from === undefined ? undefined : gte(journalLines.createdAt, page.from),
    page.to === undefined ? undefined : lt(journalLines.createdAt, page.to),
    page.minAmount === undefined ? undefined : gte(journalLines.amountMinor, page.minAmount),
    page.maxAmount === undefined ? undefined : lte(journalLines.amountMinor, page.maxAmount),
  ];
  return executor
    .select({
      id: journalLines.id,
      createdAt: journalLines.createdAt,
      entryId: journalLines.entryId,
      type: journalEntries.type,
      description: journalEntries.description,
      causeType: journalEntries.causeType,
      causeId: journalEntries.causeId,
      reversesEntryId: journalEntries.reversesEntryId,
      reversedByEntryId: reversals.id,
      accountId: journalLines.accountId,
      accountKind: ledgerAccounts.kind,
      currency: journalLines.currency,
      amountMinor: journalLines.amountMinor,
      balanceAfterMinor: journalLines.balanceAfterMinor,
    })
    .from(journalLines)
    .innerJoin(journalEntries, eq(journalEntries.id, journalLines.entryId))
    .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, journalLines.accountId))
    .leftJoin(reversals, eq(reversals.reversesEntryId, journalEntries.id))
    .where(and(...conditions))
    .orderBy(desc(journalLines.id))
    .limit(limit + 1);
}

/** One page of an organization's (null: the platform's) account lines, newest first. */
export async function listAccountLines(
  executor: Executor,
  organizationId: string | null,
  page: AccountLinePage = {},
): Promise<{ lines: AccountLine[]; nextCursor: string | null }> {
  const limit = pageSize(page);
  const rows = await accountLinesQuery(executor, organizationId, page);
  const lines = rows.slice(0, limit).map((row) => ({ ...row, id: row.id.toString() }));
  return { lines, nextCursor: rows.length > limit ? lines[lines.length - 1]!.id : null };
}
