/**
 * Every description the ledger posts, in English, by key. The stored text is the English one (the journal keeps
 * what was posted); pages read it back with readEntryDescription and show the message `entryDescriptions.<key>`
 * of their language, with the same placeholders. Text a person or a bank wrote is a placeholder's value.
 */
export const ENTRY_DESCRIPTIONS = {
  incomingTransfer: "Incoming transfer · {bankRef}",
  incomingTransferFrom: "Incoming transfer from {payer} · {bankRef}",
  receiptReversed: "Reversed by the bank ({bankRef})",
  paymentApplied: "Payment {bankRef} applied to {invoice}",
  overpaymentKept: "Overpayment of {invoice} kept as the buyer's credit",
  paymentKept: "Payment {bankRef} kept as the buyer's credit",
  unmatched: "Unmatched",
  cardPayment: "Card payment {reference}",
  cardPaymentCleared: "Card payment {reference} cleared",
  statementImportFee: "Statement import fee",
  fxConversion: "{sold} → {bought} @ {rate}",
  settlementConversion: "Settlement: {sold} → {bought} @ {rate}",
  buyerRefund: "Refund of {amount} to {buyer}",
  payout: "Payout of {amount} to {bank} {last4}",
  payoutCancelled: "Payout cancelled before approval",
  payoutFailed: "Payout failed: {reason}",
  payoutReturned: "Payout returned: {reason}",
  // What payoutFailed / payoutReturned say with the reason a payout gets when the bank gives none.
  payoutFailedAtBank: "Payout failed: Failed at the bank",
  payoutReturnedByBank: "Payout returned: Returned by the bank",
  disputeHold: "Held for dispute {number}: {amount}",
  disputeWon: "Dispute decided: won ({number})",
  disputeLost: "Dispute decided: lost ({number})",
  disputePartial: "Dispute decided: partial ({number})",
  disputeWithdrawn: "Dispute decided: withdrawn ({number})",
} as const;

export type EntryDescriptionKey = keyof typeof ENTRY_DESCRIPTIONS;

type Placeholders<T extends string> = T extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;
type ParamsOf<K extends EntryDescriptionKey> = Placeholders<(typeof ENTRY_DESCRIPTIONS)[K]>;
type ParamsArgument<K extends EntryDescriptionKey> = [ParamsOf<K>] extends [never] ? [] : [params: Record<ParamsOf<K>, string>];

/** The longest description posted: text from outside (payer, buyer and bank names) is cut here, as it always was. */
export const MAX_DESCRIPTION_LENGTH = 200;

const PLACEHOLDER = /\{(\w+)\}/g;

/** The English description `key` with its placeholders filled, cut to what the journal keeps. */
export function describeEntry<K extends EntryDescriptionKey>(key: K, ...[params]: ParamsArgument<K>): string {
  const values: Record<string, string> = params ?? {};
  return ENTRY_DESCRIPTIONS[key].replace(PLACEHOLDER, (_, name: string) => values[name]!).slice(0, MAX_DESCRIPTION_LENGTH);
}

interface Reader {
  key: EntryDescriptionKey;
  pattern: RegExp;
  names: string[];
  literalLength: number;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function reader(key: EntryDescriptionKey): Reader {
  // split with a capture group: even pieces are literal text, odd pieces placeholder names.
  const pieces = ENTRY_DESCRIPTIONS[key].split(/\{(\w+)\}/);
  const literals = pieces.filter((_, index) => index % 2 === 0);
  return {
    key,
    pattern: new RegExp(`^${pieces.map((piece, index) => (index % 2 === 0 ? escape(piece) : "(.+)")).join("")}$`, "s"),
    names: pieces.filter((_, index) => index % 2 === 1),
    literalLength: literals.join("").length,
  };
}

// The template with the most fixed text wins ("Card payment X cleared" is a cleared payment, not payment "X cleared").
const READERS = (Object.keys(ENTRY_DESCRIPTIONS) as EntryDescriptionKey[]).map(reader).sort((a, b) => b.literalLength - a.literalLength);

/** The key and placeholder values a stored description was made from; null for text no template made. */
export function readEntryDescription(text: string): { key: EntryDescriptionKey; params: Record<string, string> } | null {
  // A cut text lost its end, and may fit another template's shape: it is shown as stored.
  if (text.length >= MAX_DESCRIPTION_LENGTH) return null;
  for (const { key, pattern, names } of READERS) {
    const match = pattern.exec(text);
    if (match) return { key, params: Object.fromEntries(names.map((name, index) => [name, match[index + 1]!])) };
  }
  return null;
}

/** A translator of the `balances` catalog, whichever way the caller got it (page, component or PDF). */
type BalancesTranslate = (key: string, values?: Record<string, string>) => string;

/** A stored (English) description in the translator's language; text no template made is given as stored. */
export function entryDescription(balances: BalancesTranslate, stored: string): string {
  const read = readEntryDescription(stored);
  return read ? balances(`entryDescriptions.${read.key}`, read.params) : stored;
}
