import { type CurrencyCode, isCurrencyCode } from "../money";
import { type AccountRef, accountKey, isAccountKind, isPlatformKind } from "./accounts";
import { LedgerError } from "./errors";

export interface EntryLine {
  readonly account: AccountRef;
  /** Signed: positive adds to the account's balance, negative takes from it. */
  readonly amountMinor: bigint;
}

/** What caused an entry (an invoice, a payout, ...), so history can link to it. */
export interface EntryCause {
  readonly type: string;
  readonly id: string;
}

export interface EntryDraft {
  /** The organization the entry belongs to; null for platform-only entries. */
  readonly organizationId: string | null;
  readonly idempotencyKey: string;
  readonly type: string;
  readonly description: string;
  readonly cause?: EntryCause | null;
  readonly reversesEntryId?: string | null;
  readonly lines: readonly EntryLine[];
}

/** A draft that passed validateEntry: lines in accountKey order, optional fields made explicit. */
export interface ValidEntry extends EntryDraft {
  readonly cause: EntryCause | null;
  readonly reversesEntryId: string | null;
}

export const MAX_ENTRY_LINES = 64;
// int64 bounds of the amount and balance columns.
export const MAX_AMOUNT_MINOR = 2n ** 63n - 1n;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SLUG = /^[a-z][a-z0-9_]{0,39}$/;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

function invalid(message: string, params: Record<string, string | number> = {}): never {
  throw new LedgerError("invalid_entry", message, params);
}

function checkText(name: string, value: unknown, maxLength: number): void {
  if (typeof value !== "string") invalid(`${name} must be a string`);
  if (value.length > maxLength) invalid(`${name} is longer than ${maxLength} characters`);
}

function checkUuid(name: string, value: unknown): void {
  if (!isUuid(value)) invalid(`${name} must be a UUID`);
}

function checkLine(line: EntryLine, organizationId: string | null, index: number): void {
  const { account, amountMinor } = line;
  if (!isAccountKind(account.kind)) invalid(`line ${index}: unknown account kind "${account.kind}"`);
  if (!isCurrencyCode(account.currency)) invalid(`line ${index}: unknown currency "${account.currency}"`);
  if (isPlatformKind(account.kind) !== (account.organizationId === null)) {
    invalid(`line ${index}: ${account.kind} accounts belong to ${isPlatformKind(account.kind) ? "the platform" : "an organization"}`);
  }
  if (account.organizationId !== null) {
    checkUuid(`line ${index} organizationId`, account.organizationId);
    if (account.organizationId !== organizationId) {
      throw new LedgerError("ledger_cross_organization", "An entry may only touch its own organization's and platform accounts", {
        kind: account.kind,
        currency: account.currency,
      });
    }
  }
  // A number here would be a float sneaking into the ledger.
  if (typeof amountMinor !== "bigint") invalid(`line ${index}: amountMinor must be a bigint`);
  if (amountMinor === 0n) invalid(`line ${index}: amount must not be zero`);
  if (amountMinor > MAX_AMOUNT_MINOR || amountMinor < -MAX_AMOUNT_MINOR) invalid(`line ${index}: amount is out of range`);
}

function checkBalanced(lines: readonly EntryLine[]): void {
  const sums = new Map<CurrencyCode, bigint>();
  for (const { account, amountMinor } of lines) {
    sums.set(account.currency, (sums.get(account.currency) ?? 0n) + amountMinor);
  }
  for (const [currency, sum] of sums) {
    if (sum !== 0n) {
      throw new LedgerError("unbalanced_entry", `Entry does not balance in ${currency}: lines sum to ${sum}`, {
        currency,
        imbalanceMinor: sum.toString(),
      });
    }
  }
}

/**
 * Checks everything about an entry that needs no database: shape, account catalogue,
 * organization scope, amounts, one line per account, and a zero sum per currency.
 */
export function validateEntry(draft: EntryDraft): ValidEntry {
  const organizationId = draft.organizationId;
  if (organizationId !== null) checkUuid("organizationId", organizationId);
  checkText("idempotencyKey", draft.idempotencyKey, 200);
  if (draft.idempotencyKey.trim() === "") invalid("idempotencyKey must not be blank");
  if (typeof draft.type !== "string" || !SLUG.test(draft.type)) invalid("type must be a lower-case slug", { type: String(draft.type) });
  checkText("description", draft.description, 500);
  const cause = draft.cause ?? null;
  if (cause !== null) {
    if (typeof cause.type !== "string" || !SLUG.test(cause.type)) invalid("cause type must be a lower-case slug");
    checkText("cause id", cause.id, 200);
    if (cause.id === "") invalid("cause id must not be empty");
  }
  const reversesEntryId = draft.reversesEntryId ?? null;
  if (reversesEntryId !== null) checkUuid("reversesEntryId", reversesEntryId);

  if (!Array.isArray(draft.lines) || draft.lines.length < 2) invalid("An entry needs at least two lines");
  if (draft.lines.length > MAX_ENTRY_LINES) invalid(`An entry has at most ${MAX_ENTRY_LINES} lines`);
  draft.lines.forEach((line, index) => checkLine(line, organizationId, index));

  const keyed = draft.lines.map((line) => ({ key: accountKey(line.account), line }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (let i = 1; i < keyed.length; i++) {
    if (keyed[i]!.key === keyed[i - 1]!.key) invalid("An entry has one line per account", { account: keyed[i]!.key });
  }
  const lines = keyed.map(({ line }) => ({
    account: { organizationId: line.account.organizationId, kind: line.account.kind, currency: line.account.currency },
    amountMinor: line.amountMinor,
  }));
  checkBalanced(lines);

  return {
    organizationId,
    idempotencyKey: draft.idempotencyKey,
    type: draft.type,
    description: draft.description,
    cause: cause && { type: cause.type, id: cause.id },
    reversesEntryId,
    lines,
  };
}
