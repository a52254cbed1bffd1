import { readEntryDescription } from "@/lib/domain/ledger/descriptions";

/** A translator of the `balances` catalog, whichever way the page got it. */
type BalancesTranslate = (key: string, values?: Record<string, string>) => string;

/** A journal entry's stored (English) description in the translator's language; text no template made is shown as stored. */
export function entryDescription(balances: BalancesTranslate, stored: string): string {
  const read = readEntryDescription(stored);
  return read ? balances(`entryDescriptions.${read.key}`, read.params) : stored;
}
