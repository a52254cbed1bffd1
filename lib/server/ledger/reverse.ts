import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { journalEntries, journalLines, ledgerAccounts } from "../../../db/schema";
import { isUuid, LedgerError, reversalOf, validateEntry } from "../../domain/ledger";
import { translateDatabaseError } from "./database-error";
import { type PostResult, postValidEntry } from "./post";

export interface ReverseEntryInput {
  /** The organization the entry belongs to (null for platform entries); other organizations' entries are not found. */
  organizationId: string | null;
  entryId: string;
  idempotencyKey: string;
  reason: string;
  createdBy?: string | null;
}

/** Posts the exact negation of an entry, linked to it; an entry can be reversed once. */
export async function reverseEntry(executor: Executor, input: ReverseEntryInput): Promise<PostResult> {
  if (!isUuid(input.entryId)) throw new LedgerError("entry_not_found", "No such entry", { entryId: String(input.entryId) });
  try {
    return await executor.transaction(async (tx) => {
      const [original] = await tx
        .select({
          id: journalEntries.id,
          organizationId: journalEntries.organizationId,
          causeType: journalEntries.causeType,
          causeId: journalEntries.causeId,
          reversesEntryId: journalEntries.reversesEntryId,
        })
        .from(journalEntries)
        .where(
          and(
            eq(journalEntries.id, input.entryId),
            input.organizationId === null
              ? isNull(journalEntries.organizationId)
              : eq(journalEntries.organizationId, input.organizationId),
          ),
        );
      if (!original) throw new LedgerError("entry_not_found", "No such entry", { entryId: input.entryId });
      const lines = await tx
        .select({
          organizationId: ledgerAccounts.organizationId,
          kind: ledgerAccounts.kind,
          currency: ledgerAccounts.currency,
          amountMinor: journalLines.amountMinor,
        })
        .from(journalLines)
        .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, journalLines.accountId))
        .where(eq(journalLines.entryId, original.id));
      const draft = reversalOf(
        {
          id: original.id,
          organizationId: original.organizationId,
          cause: original.causeType !== null && original.causeId !== null ? { type: original.causeType, id: original.causeId } : null,
          reversesEntryId: original.reversesEntryId,
          lines: lines.map(({ amountMinor, ...account }) => ({ account, amountMinor })),
        },
        input,
      );
      return postValidEntry(tx, validateEntry(draft), input.createdBy ?? null);
    });
  } catch (error) {
    throw translateDatabaseError(error);
  }
}
