import { createHash } from "node:crypto";
import { PgTransaction } from "drizzle-orm/pg-core";
import type postgres from "postgres";
import type { Executor } from "../../../db/client";
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
  try {
    // A single statement outside BEGIN is a transaction by itself, with its deferred
    // checks run at its end: the whole posting costs one round trip.
    if (!(executor instanceof PgTransaction)) return await callLedgerPost(clientOf(executor), entry, createdBy);
    return await executor.transaction((tx) => callLedgerPost(clientOf(tx), entry, createdBy));
  } catch (error) {
    throw translateDatabaseError(ledgerRefusal(error) ?? error);
  }
}

/** The postgres.js client under drizzle: the pool for the database, the connection for a transaction. */
function clientOf(executor: Executor): postgres.Sql {
  return (executor._.session as unknown as { client: postgres.Sql }).client;
}

/**
 * ledger_post (see the ledger_post migration) does the whole posting server-side: insert
 * the entry or replay its key, lock and move each balance in line order, write the lines.
 * Lines arrive in accountKey order, organization accounts before platform ones, which is
 * the one lock order every posting follows. A tagged template is a named prepared statement.
 */
async function callLedgerPost(sql: postgres.Sql, entry: ValidEntry, createdBy: string | null): Promise<PostResult> {
  const requestHash = createHash("sha256").update(canonicalRequest(entry)).digest("hex");
  const accounts = entry.lines.map((line) => line.account);
  const [row] = await sql<{ entry_id: string; replayed: boolean }[]>`
    select entry_id, replayed from ledger_post(
      ${entry.organizationId}::uuid, ${entry.idempotencyKey}::text, ${requestHash}::text, ${entry.type}::text,
      ${entry.description}::text, ${entry.reversesEntryId}::uuid, ${entry.cause?.type ?? null}::text,
      ${entry.cause?.id ?? null}::text, ${createdBy}::uuid,
      ${sql.array(accounts.map((account) => account.organizationId))}::uuid[],
      ${sql.array(accounts.map((account) => account.kind))}::ledger_account_kind[],
      ${sql.array(accounts.map((account) => account.currency))}::bpchar[],
      ${sql.array(entry.lines.map((line) => line.amountMinor.toString()))}::bigint[],
      ${sql.array(accounts.map((account) => String(mayGoNegative(account.kind))))}::boolean[]
    )`;
  return { entryId: row!.entry_id, replayed: row!.replayed };
}

/** The refusals ledger_post raises itself (SQLSTATE LG003 and LG004), as LedgerErrors. */
function ledgerRefusal(error: unknown): LedgerError | null {
  const pg = postgresError(error) as (ReturnType<typeof postgresError> & { detail?: string }) | null;
  if (pg?.code === "LG003") {
    const params = JSON.parse(pg.detail!) as { accountId: string; kind: string; currency: string; balanceMinor: string; amountMinor: string };
    return new LedgerError("insufficient_funds", `Insufficient funds in ${params.kind} ${params.currency}`, params);
  }
  if (pg?.code === "LG004") {
    return new LedgerError("idempotency_conflict", "This idempotency key was already used for a different entry", {
      entryId: pg.detail!,
    });
  }
  return null;
}
