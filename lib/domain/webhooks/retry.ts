/** How often a processor tries to deliver one event before giving up on it. */
export const MAX_DELIVERY_ATTEMPTS = 10;
const FIRST_RETRY_MS = 10_000;
const MAX_RETRY_MS = 3_600_000;

/**
 * When the next delivery of an event is due after `attempts` failed ones, the last at `lastAttemptAt`: 10 s, then
 * doubling up to an hour; null once the attempts are used up.
 */
export function nextDeliveryAt(attempts: number, lastAttemptAt: Date): Date | null {
  if (attempts >= MAX_DELIVERY_ATTEMPTS) return null;
  if (attempts === 0) return lastAttemptAt;
  const delay = Math.min(FIRST_RETRY_MS * 2 ** (attempts - 1), MAX_RETRY_MS);
  return new Date(lastAttemptAt.getTime() + delay);
}
