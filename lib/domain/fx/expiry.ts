/** A clock injected into anything that decides by time, so tests can set "now". */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

/** How long a quote holds: 30 s unless configured. */
export const DEFAULT_QUOTE_TTL_MS = 30_000;

export function quoteExpiresAt(createdAt: Date, ttlMs: number = DEFAULT_QUOTE_TTL_MS): Date {
  return new Date(createdAt.getTime() + ttlMs);
}

/** A quote may be accepted up to, not including, its expiry instant. */
export function isQuoteExpired(expiresAt: Date, now: Date): boolean {
  return now.getTime() >= expiresAt.getTime();
}

/** Whole seconds left, rounded up, never below 0: what the countdown shows. */
export function secondsLeft(expiresAt: Date, now: Date): number {
  return Math.max(0, Math.ceil((expiresAt.getTime() - now.getTime()) / 1000));
}
