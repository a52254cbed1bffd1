export type LedgerErrorCode =
  | "insufficient_funds"
  | "idempotency_conflict"
  | "ledger_cross_organization"
  | "unbalanced_entry"
  | "invalid_entry"
  | "entry_not_found"
  | "already_reversed";

/** A refusal by the ledger; `code` is stable so the UI can translate it, `params` fill the message. */
export class LedgerError extends Error {
  readonly userFacing = true;

  constructor(
    readonly code: LedgerErrorCode,
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = "LedgerError";
  }
}

export function isLedgerError(error: unknown, code?: LedgerErrorCode): error is LedgerError {
  return error instanceof LedgerError && (code === undefined || error.code === code);
}
