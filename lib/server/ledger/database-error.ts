import { LedgerError } from "../../domain/ledger";

interface PostgresErrorFields {
  code: string;
  constraint_name?: string;
  message: string;
}

/** The PostgreSQL error behind `error`, unwrapping drizzle's DrizzleQueryError. */
export function postgresError(error: unknown): PostgresErrorFields | null {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const candidate = current as { code?: unknown; severity?: unknown; cause?: unknown };
    if (typeof candidate.code === "string" && typeof candidate.severity === "string") return candidate as PostgresErrorFields;
    current = candidate.cause;
  }
  return null;
}

/** Turns the database's own refusals into LedgerErrors; anything else is returned unchanged. */
export function translateDatabaseError(error: unknown): unknown {
  if (error instanceof LedgerError) return error;
  const pg = postgresError(error);
  if (!pg) return error;
  switch (pg.code) {
    case "23505":
      if (pg.constraint_name === "journal_entries_reverses_key") {
        return new LedgerError("already_reversed", "This entry has already been reversed");
      }
      return error;
    // Raised by the deferred balance trigger (see the ledger_guards migration).
    case "LG002":
      return new LedgerError("unbalanced_entry", pg.message);
    case "23514":
      if (pg.constraint_name === "ledger_accounts_overdraft_check") {
        return new LedgerError("insufficient_funds", "Insufficient funds");
      }
      return error;
    case "23503":
      return new LedgerError("invalid_entry", "The entry refers to an organization or user that does not exist", {
        constraint: pg.constraint_name ?? "",
      });
    case "22P02":
      return new LedgerError("invalid_entry", pg.message);
    default:
      return error;
  }
}
