import { createHash } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type postgres from "postgres";
import { type Executor, rawClient } from "../../../db/client";
import { journalEntries } from "../../../db/schema";
import {
  canonicalRequest,
  type EntryCause,
  type EntryLine,
  LedgerError,
  mayGoNegative,
  type ValidEntry,
  validateEntry,
} from "../../domain/ledger";
import { postgresError, translateDatabaseError } from "./database-error";

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
    // A single statement outside BEGIN is a transaction by itself, with its deferred
    // checks run at its end: the whole posting costs one round trip.
    const entryId =
      executor instanceof PgTransaction
        ? await executor.transaction((tx) => callLedgerPost(rawClient(tx), entry, requestHash, createdBy))
        : await callLedgerPost(rawClient(executor), entry, requestHash, createdBy);
    return { entryId, replayed: false };
  } catch (error) {
    // The idempotency key (or, for a reversal, the reversed entry) is taken: maybe by this very request.
    if (postgresError(error)?.code === "23505") {
      const earlier = await earlierPosting(executor, entry, requestHash);
      if (earlier) return earlier;
    }
    throw translateDatabaseError(insufficientFunds(error) ?? error);
  }
}


/**
 * ledger_post (see the ledger_post migrations) does the whole posting server-side: insert
 * the entry, lock and move each balance in line order, write the lines. Lines arrive in
 * accountKey order, organization accounts before platform ones, which is the one lock order
 * every posting follows. A tagged template runs as a named prepared statement.
 */
async function callLedgerPost(sql: postgres.Sql, entry: ValidEntry, requestHash: string, createdBy: string | null): Promise<string> {
  const accounts = entry.lines.map((line) => line.account);
  const [row] = await sql<{ entry_id: string }[]>`
    select ledger_post(
      ${entry.organizationId}::uuid, ${entry.idempotencyKey}::text, ${requestHash}::text, ${entry.type}::text,
      ${entry.description}::text, ${entry.reversesEntryId}::uuid, ${entry.cause?.type ?? null}::text,
      ${entry.cause?.id ?? null}::text, ${createdBy}::uuid,
      ${sql.array(accounts.map((account) => account.organizationId))}::uuid[],
      ${sql.array(accounts.map((account) => account.kind))}::ledger_account_kind[],
      ${sql.array(accounts.map((account) => account.currency))}::bpchar[],
      ${sql.array(entry.lines.map((line) => line.amountMinor.toString()))}::bigint[],
      ${sql.array(accounts.map((account) => String(mayGoNegative(account.kind))))}::boolean[]
    ) as entry_id`;
  return row!.entry_id;
}

/** ledger_post's own refusal (SQLSTATE LG003, the account in DETAIL), as a LedgerError. */
function insufficientFunds(error: unknown): LedgerError | null {
  const pg = postgresError(error) as (ReturnType<typeof postgresError> & { detail?: string }) | null;
  if (pg?.code !== "LG003") return null;
  const params = JSON.parse(pg.detail!) as { accountId: string; kind: string; currency: string; balanceMinor: string; amountMinor: string };
  return new LedgerError("insufficient_funds", `Insufficient funds in ${params.kind} ${params.currency}`, params);
}

/** The entry already posted under this key: a replay if its content is the same, refused if not; null if none. */
async function earlierPosting(executor: Executor, entry: ValidEntry, requestHash: string): Promise<PostResult | null> {
  const [existing] = await executor
    .select({ id: journalEntries.id, requestHash: journalEntries.requestHash })
    .from(journalEntries)
    .where(
      and(
        entry.organizationId === null ? isNull(journalEntries.organizationId) : eq(journalEntries.organizationId, entry.organizationId),
        eq(journalEntries.idempotencyKey, entry.idempotencyKey),
      ),
    );
  if (!existing) return null;
  if (existing.requestHash !== requestHash) {
    throw new LedgerError("idempotency_conflict", "This idempotency key was already used for a different entry", {
      entryId: existing.id,
    });
  }
  return { entryId: existing.id, replayed: true };
}
