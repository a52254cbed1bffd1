import type { EntryCause, EntryDraft, EntryLine } from "./entry";
import { LedgerError } from "./errors";

/** An entry as posted, as much of it as a reversal needs. */
export interface PostedEntry {
  readonly id: string;
  readonly organizationId: string | null;
  readonly cause: EntryCause | null;
  readonly reversesEntryId: string | null;
  readonly lines: readonly EntryLine[];
}

export const REVERSAL_TYPE = "reversal";

/** The entry that undoes `original`: every line negated, linked back, same cause. */
export function reversalOf(original: PostedEntry, request: { idempotencyKey: string; reason: string }): EntryDraft {
  if (original.reversesEntryId !== null) {
    throw new LedgerError("invalid_entry", "A reversal cannot itself be reversed; post a new entry instead", {
      entryId: original.id,
    });
  }
  if (request.reason.trim() === "") throw new LedgerError("invalid_entry", "A reversal needs a reason");
  if (original.lines.length < 2) throw new Error(`Posted entry ${original.id} has ${original.lines.length} lines`);
  return {
    organizationId: original.organizationId,
    idempotencyKey: request.idempotencyKey,
    type: REVERSAL_TYPE,
    description: request.reason,
    cause: original.cause,
    reversesEntryId: original.id,
    lines: original.lines.map((line) => ({ account: line.account, amountMinor: -line.amountMinor })),
  };
}
