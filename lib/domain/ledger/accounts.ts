import type { CurrencyCode } from "../money";

/**
 * Balances a factory owns; none of them may go below zero. `unapplied` holds bank money received but not yet
 * matched to an invoice; `buyer_credit` holds overpayments kept for the buyer (refundable).
 */
export const ORGANIZATION_ACCOUNT_KINDS = ["available", "pending", "reserved", "unapplied", "buyer_credit"] as const;

/** The platform's own accounts, one per kind and currency. */
export const PLATFORM_ACCOUNT_KINDS = [
  "fee_revenue",
  "fx_position",
  "bank_clearing",
  "card_clearing",
  "payout_clearing",
] as const;

export const ACCOUNT_KINDS = [...ORGANIZATION_ACCOUNT_KINDS, ...PLATFORM_ACCOUNT_KINDS] as const;

export type OrganizationAccountKind = (typeof ORGANIZATION_ACCOUNT_KINDS)[number];
export type PlatformAccountKind = (typeof PLATFORM_ACCOUNT_KINDS)[number];
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

/**
 * Clearing accounts mirror money in flight at banks and card schemes and the FX position
 * mirrors currency bought minus sold, so they swing below zero in normal operation.
 * Fee revenue only grows by fees and shrinks by their refunds, so below zero means a bug.
 */
const MAY_GO_NEGATIVE: ReadonlySet<AccountKind> = new Set<AccountKind>([
  "fx_position",
  "bank_clearing",
  "card_clearing",
  "payout_clearing",
]);

/** Identifies one account: its owner (null = the platform), kind and currency. */
export interface AccountRef {
  readonly organizationId: string | null;
  readonly kind: AccountKind;
  readonly currency: CurrencyCode;
}

export function isAccountKind(kind: string): kind is AccountKind {
  return (ACCOUNT_KINDS as readonly string[]).includes(kind);
}

export function isPlatformKind(kind: AccountKind): kind is PlatformAccountKind {
  return (PLATFORM_ACCOUNT_KINDS as readonly string[]).includes(kind);
}

export function mayGoNegative(kind: AccountKind): boolean {
  return MAY_GO_NEGATIVE.has(kind);
}

/** A stable text key, also the order lines are kept in (and accounts created in). */
export function accountKey(ref: AccountRef): string {
  return `${ref.organizationId ?? "platform"}:${ref.kind}:${ref.currency}`;
}
