export const DISPUTE_CATEGORIES = [
  "quality_claim",
  "short_shipment",
  "late_delivery",
  "payment_not_received",
  "duplicate_payment",
  "refund_request",
  "chargeback",
] as const;
export type DisputeCategory = (typeof DISPUTE_CATEGORIES)[number];

/** L1 simple queries, L2 specialist claims, L3 management decisions. */
export const DISPUTE_TIERS = ["L1", "L2", "L3"] as const;
export type DisputeTier = (typeof DISPUTE_TIERS)[number];

/**
 * The tier a new case starts in. Like a support desk's front line, every case opens in L1: an agent answers within
 * 24 h and settles the simple ones (payment queries, duplicates) there; quality, shipping and refund claims go on to
 * L2's specialists when an agent escalates them or L1's service level is breached. A chargeback starts in L2: it is
 * opened by the card processor's event, not by a claim L1 could settle, and answering the issuer needs the
 * specialist's evidence pack within the scheme's own deadline.
 */
export const DEFAULT_TIER: Readonly<Record<DisputeCategory, DisputeTier>> = {
  payment_not_received: "L1",
  duplicate_payment: "L1",
  quality_claim: "L1",
  short_shipment: "L1",
  late_delivery: "L1",
  refund_request: "L1",
  chargeback: "L2",
};

export const ROOT_CAUSES = ["quality", "logistics", "documentation", "fraud", "payment_error", "fx"] as const;
export type RootCause = (typeof ROOT_CAUSES)[number];

export function isDisputeCategory(value: string): value is DisputeCategory {
  return (DISPUTE_CATEGORIES as readonly string[]).includes(value);
}

export function isDisputeTier(value: string): value is DisputeTier {
  return (DISPUTE_TIERS as readonly string[]).includes(value);
}

export function isRootCause(value: string): value is RootCause {
  return (ROOT_CAUSES as readonly string[]).includes(value);
}

/** -1, 0 or 1 as `a` is a lower, the same or a higher tier than `b`. */
export function compareTiers(a: DisputeTier, b: DisputeTier): number {
  return Math.sign(DISPUTE_TIERS.indexOf(a) - DISPUTE_TIERS.indexOf(b));
}

/** The tier above, or null from L3. */
export function nextTier(tier: DisputeTier): DisputeTier | null {
  return DISPUTE_TIERS[DISPUTE_TIERS.indexOf(tier) + 1] ?? null;
}

/**
 * Whether opening a case of this category holds money. A buyer saying its payment never arrived disputes money the
 * factory does not have, so nothing is reserved; every other category is about money already received.
 */
export function reservesMoney(category: DisputeCategory): boolean {
  return category !== "payment_not_received";
}
