import type { ValidEntry } from "./entry";

/**
 * The text an entry's request hash is taken over: everything that decides what the entry
 * does, in a fixed order, so a retry hashes the same even if its lines come in another
 * order. The idempotency key itself is left out: it names the request, it is not its content.
 */
export function canonicalRequest(entry: ValidEntry): string {
  return JSON.stringify([
    "ledger-entry/1",
    entry.organizationId,
    entry.type,
    entry.description,
    entry.cause && [entry.cause.type, entry.cause.id],
    entry.reversesEntryId,
    entry.lines.map(({ account, amountMinor }) => [
      account.organizationId,
      account.kind,
      account.currency,
      amountMinor.toString(),
    ]),
  ]);
}
