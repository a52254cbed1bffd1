import { createHash } from "node:crypto";
import { and, eq, isNull, type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Executor, Transaction } from "../../../db/client";
import { journalEntries, PLATFORM_OWNER } from "../../../db/schema";
import {
  type AccountKind,
  canonicalRequest,
  type EntryCause,
  type EntryLine,
  LedgerError,
  mayGoNegative,
  type ValidEntry,
  validateEntry,
} from "../../domain/ledger";
import { translateDatabaseError } from "./database-error";

export interface PostEntryInput {
  /** The organization the entry belongs to (and whose idempotency keys it shares); null = platform. */
  organizationId: string | null;
  idempotencyKey: string;
  type: string;
  description: string;
  cause?: EntryCause | null;
  createdBy?: string | null;
  lines: readonly EntryLine[];
}

export interface PostResult {
  entryId: string;
  /** True when this idempotency key was already posted with the same content: nothing new was written. */
  replayed: boolean;
}

/**
 * Posts a balanced entry atomically: in a transaction of its own when given the database,
 * inside a savepoint when given a transaction (so a refusal leaves the caller's work intact).
 */
export async function postEntry(executor: Executor, input: PostEntryInput): Promise<PostResult> {
  const { createdBy = null, ...draft } = input;
  return postValidEntry(executor, validateEntry({ ...draft, reversesEntryId: null }), createdBy);
}

export async function postValidEntry(executor: Executor, entry: ValidEntry, createdBy: string | null): Promise<PostResult> {
  const requestHash = createHash("sha256").update(canonicalRequest(entry)).digest("hex");
  try {
    return await executor.transaction(async (tx) => {
      let accounts = await postStatement(tx, entry, requestHash, createdBy);
      if (accounts.length < entry.lines.length) {
        await createAccounts(tx, entry.lines);
        accounts = await postStatement(tx, entry, requestHash, createdBy);
      }
      if (accounts.length !== entry.lines.length) {
        throw new Error(`Resolved ${accounts.length} of ${entry.lines.length} ledger accounts after creating them`);
      }
      const entryId = accounts[0]!.entry_id;
      if (entryId === null) return replay(tx, entry, requestHash);
      const short = accounts.find((account) => !account.moved);
      if (short) {
        throw new LedgerError("insufficient_funds", `Insufficient funds in ${short.kind} ${short.currency}`, {
          accountId: short.account_id,
          kind: short.kind,
          currency: short.currency,
          balanceMinor: String(short.locked_balance),
          amountMinor: String(short.amount_minor),
        });
      }
      const written = Number(accounts[0]!.line_count);
      if (written !== entry.lines.length) throw new Error(`Entry ${entryId}: wrote ${written} of ${entry.lines.length} lines`);
      return { entryId, replayed: false };
    });
  } catch (error) {
    throw translateDatabaseError(error);
  }
}

type PostedAccountRow = {
  account_id: string;
  kind: AccountKind;
  currency: string;
  amount_minor: bigint;
  locked_balance: bigint | null;
  moved: boolean;
  entry_id: string | null;
  line_count: bigint;
};

function linesJson(lines: readonly EntryLine[]): string {
  return JSON.stringify(
    lines.map(({ account, amountMinor }) => ({
      o: account.organizationId,
      k: account.kind,
      c: account.currency,
      a: amountMinor.toString(),
      n: mayGoNegative(account.kind),
    })),
  );
}

const OWNER = sql.raw(`'${PLATFORM_OWNER}'::uuid`);
const dialect = new PgDialect();

/** Runs `query` as a named prepared statement: PostgreSQL plans it once per connection, not per posting. */
async function executePrepared<Row>(tx: Transaction, name: string, query: SQL): Promise<Row[]> {
  const prepared = tx._.session.prepareQuery<{ execute: Row[]; all: Row[]; values: unknown[][] }>(
    dialect.sqlToQuery(query),
    undefined,
    name,
    false,
  );
  return [...(await prepared.execute())];
}

/**
 * The whole posting in one round trip. Per account it returns whether the balance moved;
 * no rows for an account means it does not exist yet, a null entry_id means the
 * idempotency key is taken. In order: resolve accounts; insert the entry (only if all
 * exist, and first, so a concurrent retry waits on the key before taking any row lock);
 * lock the accounts in one fixed order so concurrent postings cannot deadlock; move each
 * balance unless that would overdraw it; write the lines with the balances they produced.
 * The fixed order is organization accounts, then platform accounts, each by id: the
 * platform's clearing and fee accounts are shared by every posting in their currency, so
 * taking them last keeps them locked for the least time.
 */
async function postStatement(tx: Transaction, entry: ValidEntry, requestHash: string, createdBy: string | null) {
  return executePrepared<PostedAccountRow>(tx, "ledger_post", sql`
    with input as (
      select l.o as organization_id, l.k::ledger_account_kind as kind, l.c as currency, l.a::bigint as amount_minor
      from jsonb_to_recordset(${linesJson(entry.lines)}::jsonb) as l(o uuid, k text, c text, a text)
    ),
    found as (
      select a.id, a.organization_id, a.kind, a.currency, i.amount_minor
      from input i
      join ledger_accounts a
        on coalesce(a.organization_id, ${OWNER}) = coalesce(i.organization_id, ${OWNER})
       and a.kind = i.kind and a.currency = i.currency
    ),
    entry as (
      insert into journal_entries
        (organization_id, idempotency_key, request_hash, type, description, reverses_entry_id, cause_type, cause_id, created_by)
      select ${entry.organizationId}::uuid, ${entry.idempotencyKey}, ${requestHash}, ${entry.type}, ${entry.description},
             ${entry.reversesEntryId}::uuid, ${entry.cause?.type ?? null}, ${entry.cause?.id ?? null}, ${createdBy}::uuid
      where (select count(*) from found) = ${entry.lines.length}
      on conflict (organization_id, idempotency_key) do nothing
      returning id
    ),
    locked as (
      select a.id, a.balance_minor from ledger_accounts a
      where a.id in (select id from found) and exists (select 1 from entry)
      order by a.organization_id is null, a.id
      for no key update
    ),
    moved as (
      update ledger_accounts a
         set balance_minor = a.balance_minor + f.amount_minor, line_count = a.line_count + 1, updated_at = now()
        from found f
       where a.id = f.id and a.id in (select id from locked)
         and (a.allow_negative or a.balance_minor + f.amount_minor >= 0)
      returning a.id, a.organization_id, a.currency, f.amount_minor, a.balance_minor
    ),
    lines as (
      insert into journal_lines (entry_id, account_id, organization_id, currency, amount_minor, balance_after_minor)
      select e.id, m.id, m.organization_id, m.currency, m.amount_minor, m.balance_minor
        from moved m cross join entry e
       where (select count(*) from moved) = ${entry.lines.length}
       order by m.id
      returning 1
    )
    select f.id as account_id, f.kind, f.currency, f.amount_minor, l.balance_minor as locked_balance,
           m.id is not null as moved, (select id from entry) as entry_id, (select count(*) from lines) as line_count
      from found f
      left join locked l on l.id = f.id
      left join moved m on m.id = f.id
  `);
}

async function createAccounts(tx: Transaction, lines: readonly EntryLine[]): Promise<void> {
  // Lines come in accountKey order, so concurrent creators take the unique keys in one order.
  await tx.execute(sql`
    insert into ledger_accounts (organization_id, kind, currency, allow_negative)
    select l.o, l.k::ledger_account_kind, l.c, l.n
      from jsonb_to_recordset(${linesJson(lines)}::jsonb) as l(o uuid, k text, c text, a text, n boolean)
    on conflict do nothing
  `);
}

async function replay(tx: Transaction, entry: ValidEntry, requestHash: string): Promise<PostResult> {
  const [existing] = await tx
    .select({ id: journalEntries.id, requestHash: journalEntries.requestHash })
    .from(journalEntries)
    .where(
      and(
        entry.organizationId === null ? isNull(journalEntries.organizationId) : eq(journalEntries.organizationId, entry.organizationId),
        eq(journalEntries.idempotencyKey, entry.idempotencyKey),
      ),
    );
  if (!existing) throw new Error(`Idempotency key "${entry.idempotencyKey}" conflicted but no entry holds it`);
  if (existing.requestHash !== requestHash) {
    throw new LedgerError("idempotency_conflict", "This idempotency key was already used for a different entry", {
      entryId: existing.id,
    });
  }
  return { entryId: existing.id, replayed: true };
}
