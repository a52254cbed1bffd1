import { isPlatformKind, type AccountKind, type EntryLine } from "../ledger";
import type { CurrencyCode } from "../money";
import { reservesMoney, type DisputeCategory } from "./categories";

export const DISPUTE_OUTCOMES = ["won", "lost", "partial", "withdrawn"] as const;
/** won: by the factory. lost: the buyer gets the disputed amount. partial: split by amount. withdrawn: by the claimant. */
export type DisputeOutcome = (typeof DISPUTE_OUTCOMES)[number];

function assertNonNegative(name: string, value: bigint): void {
  if (value < 0n) throw new RangeError(`${name} must not be negative, got ${value}`);
}

export interface ReservePlan {
  /** Moved from available to reserved when the case opens. */
  readonly reserveNowMinor: bigint;
  /** Still to reserve, from the organization's next incoming funds in this currency. */
  readonly shortfallMinor: bigint;
}

/** Opening a case reserves what it can now: reserveNow = min(available, disputed); the rest is a shortfall. */
export function reservePlan({ disputedMinor, availableMinor }: { disputedMinor: bigint; availableMinor: bigint }): ReservePlan {
  assertNonNegative("disputedMinor", disputedMinor);
  assertNonNegative("availableMinor", availableMinor);
  const reserveNowMinor = availableMinor < disputedMinor ? availableMinor : disputedMinor;
  return { reserveNowMinor, shortfallMinor: disputedMinor - reserveNowMinor };
}

export interface Shortfall {
  readonly caseId: string;
  readonly shortfallMinor: bigint;
}

/**
 * Incoming funds in a currency fill open cases' shortfalls before they become available: the oldest case first (pass
 * them in opening order). Returns how much each case now reserves (from available, where the funds were credited)
 * and what stays available.
 */
export function fillShortfalls(
  shortfalls: readonly Shortfall[],
  incomingMinor: bigint,
): { fills: { caseId: string; reserveMinor: bigint; remainingShortfallMinor: bigint }[]; leftAvailableMinor: bigint } {
  assertNonNegative("incomingMinor", incomingMinor);
  let left = incomingMinor;
  const fills = [];
  for (const { caseId, shortfallMinor } of shortfalls) {
    assertNonNegative("shortfallMinor", shortfallMinor);
    if (left === 0n) break;
    if (shortfallMinor === 0n) continue;
    const reserveMinor = left < shortfallMinor ? left : shortfallMinor;
    left -= reserveMinor;
    fills.push({ caseId, reserveMinor, remainingShortfallMinor: shortfallMinor - reserveMinor });
  }
  return { fills, leftAvailableMinor: left };
}

export interface OutcomeInput {
  readonly category: DisputeCategory;
  readonly outcome: DisputeOutcome;
  /** Whether the disputed payment was made by card: a card payment is refunded through the card scheme. */
  readonly paidByCard: boolean;
  readonly disputedMinor: bigint;
  /** What the case holds in reserved now (the disputed amount less any shortfall not yet filled). */
  readonly reservedMinor: bigint;
  /** Partial outcome only: the part of the disputed amount the buyer gets back, 0 < buyerShare < disputed. */
  readonly buyerShareMinor?: bigint;
  /** The chargeback fee of the fee schedule in this currency (fees `chargebackFee`); charged when a chargeback is lost in whole or part. */
  readonly chargebackFeeMinor: bigint;
}

export type MovementKind = "reserve" | "release" | "refund" | "chargeback_debit" | "chargeback_fee";

export interface Movement {
  readonly kind: MovementKind;
  readonly from: AccountKind;
  readonly to: AccountKind;
  readonly amountMinor: bigint;
}

export interface OutcomePlan {
  /** What the buyer gets back (refund or chargeback); the factory keeps disputed − buyerShare. */
  readonly buyerShareMinor: bigint;
  readonly factoryShareMinor: bigint;
  /** Movements with a non-zero amount, in this order: release, refund or chargeback debit, chargeback fee. */
  readonly movements: readonly Movement[];
}

function buyerShareOf(input: OutcomeInput): bigint {
  switch (input.outcome) {
    case "won":
    case "withdrawn":
      return 0n;
    case "lost":
      return input.disputedMinor;
    case "partial": {
      const share = input.buyerShareMinor;
      if (share === undefined || share <= 0n || share >= input.disputedMinor) {
        throw new RangeError(`A partial outcome needs a buyer share strictly between 0 and ${input.disputedMinor}, got ${share}`);
      }
      return share;
    }
  }
}

/**
 * The money a decision moves. The buyer's share is paid from the case's reserve first and from available for any
 * shortfall never filled; the rest of the reserve is released to available. A chargeback goes back through card
 * clearing with the chargeback fee taken from available into fee revenue; any other refund goes out through card
 * clearing for a card payment and payout clearing for a bank transfer. A case about a payment that never arrived holds
 * and moves nothing: it ends by tracing the payment, which matching applies when it is found.
 */
export function outcomePlan(input: OutcomeInput): OutcomePlan {
  assertNonNegative("disputedMinor", input.disputedMinor);
  assertNonNegative("reservedMinor", input.reservedMinor);
  assertNonNegative("chargebackFeeMinor", input.chargebackFeeMinor);
  if (input.reservedMinor > input.disputedMinor) throw new RangeError("A case never reserves more than its disputed amount");

  const buyerShareMinor = buyerShareOf(input);
  if (!reservesMoney(input.category)) {
    if (input.reservedMinor !== 0n) throw new RangeError(`A ${input.category} case holds no reserve`);
    return { buyerShareMinor, factoryShareMinor: input.disputedMinor - buyerShareMinor, movements: [] };
  }
  const fromReserved = buyerShareMinor < input.reservedMinor ? buyerShareMinor : input.reservedMinor;
  const fromAvailable = buyerShareMinor - fromReserved;
  const isChargeback = input.category === "chargeback";
  const kind: MovementKind = isChargeback ? "chargeback_debit" : "refund";
  const to: AccountKind = isChargeback || input.paidByCard ? "card_clearing" : "payout_clearing";

  const movements: Movement[] = [
    { kind: "release", from: "reserved", to: "available", amountMinor: input.reservedMinor - fromReserved },
    { kind, from: "reserved", to, amountMinor: fromReserved },
    { kind, from: "available", to, amountMinor: fromAvailable },
    { kind: "chargeback_fee", from: "available", to: "fee_revenue", amountMinor: isChargeback && buyerShareMinor > 0n ? input.chargebackFeeMinor : 0n },
  ];
  return {
    buyerShareMinor,
    factoryShareMinor: input.disputedMinor - buyerShareMinor,
    movements: movements.filter((movement) => movement.amountMinor > 0n),
  };
}

/** The reserve taken when a case opens or a shortfall is filled. */
export function reserveMovements(amountMinor: bigint): Movement[] {
  assertNonNegative("amountMinor", amountMinor);
  return amountMinor === 0n ? [] : [{ kind: "reserve", from: "available", to: "reserved", amountMinor }];
}

/**
 * Ledger lines for movements in one currency: each movement takes from one account and adds to another, netted to one
 * line per account as an entry requires. Organization kinds belong to `organizationId`, platform kinds to the
 * platform. Empty when nothing moves, so there is nothing to post.
 */
export function movementLines(movements: readonly Movement[], organizationId: string, currency: CurrencyCode): EntryLine[] {
  const net = new Map<AccountKind, bigint>();
  for (const { from, to, amountMinor } of movements) {
    net.set(from, (net.get(from) ?? 0n) - amountMinor);
    net.set(to, (net.get(to) ?? 0n) + amountMinor);
  }
  return [...net.entries()]
    .filter(([, amountMinor]) => amountMinor !== 0n)
    .map(([kind, amountMinor]) => ({
      account: { organizationId: isPlatformKind(kind) ? null : organizationId, kind, currency },
      amountMinor,
    }));
}
